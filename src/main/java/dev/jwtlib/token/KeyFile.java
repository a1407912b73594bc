package dev.jwtlib.token;

import dev.jwtlib.verify.JwkUse;
import dev.jwtlib.verify.TokenAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Signing keys that the operator manages ({@code jwtlib.keys.location}): a private JWK, a JWK Set
 * of private keys (the first one signs), or PEM with a PKCS#8 {@code PRIVATE KEY} and, for EC and
 * EdDSA keys, the matching {@code PUBLIC KEY}. A PEM key's {@code kid} is its RFC 7638 thumbprint.
 * Keys of the wrong type for the algorithm, and RSA keys under 2048 bits, are refused.
 */
final class KeyFile {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private KeyFile() {
    }

    /**
     * @throws IllegalStateException naming the file and what is wrong with it
     */
    static List<SigningKey> load(Path file, TokenAlgorithm algorithm) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid(file, "cannot be read (" + e.getMessage() + ")");
        }
        List<SigningKey> keys = text.contains("-----BEGIN") ? fromPem(file, text, algorithm) : fromJwk(file, text, algorithm);
        if (keys.isEmpty()) {
            throw invalid(file, "holds no private key");
        }
        if (keys.stream().map(SigningKey::kid).distinct().count() != keys.size()) {
            throw invalid(file, "holds two keys with the same kid");
        }
        for (SigningKey key : keys) {
            if (!algorithm.accepts(key.publicKey())) {
                throw invalid(file, "key " + key.kid() + " cannot sign " + algorithm.jwsName()
                        + " (wrong key type, wrong curve, or an RSA key under " + TokenAlgorithm.MIN_RSA_BITS + " bits)");
            }
        }
        return List.copyOf(keys);
    }

    private static List<SigningKey> fromJwk(Path file, String json, TokenAlgorithm algorithm) {
        try {
            List<JsonWebKey> jwks = json.contains("\"keys\"") ? new JsonWebKeySet(json).getJsonWebKeys()
                    : List.of(JsonWebKey.Factory.newJwk(json));
            List<SigningKey> keys = new ArrayList<>();
            for (JsonWebKey jwk : jwks) {
                if (jwk instanceof PublicJsonWebKey pair && pair.getPrivateKey() != null) {
                    String kid = pair.getKeyId() != null ? pair.getKeyId() : pair.calculateBase64urlEncodedThumbprint("SHA-256");
                    Optional<String> problem = JwkUse.problem(jwk, algorithm, JwkUse.SIGN);
                    if (problem.isPresent()) {
                        throw invalid(file, "key " + kid + " cannot sign " + algorithm.jwsName() + ": " + problem.get());
                    }
                    keys.add(key(kid, algorithm, pair.getPrivateKey(), pair.getPublicKey()));
                }
            }
            return keys;
        } catch (JoseException e) {
            throw invalid(file, "is neither PEM nor a valid JWK / JWK Set (" + e.getMessage() + ")");
        }
    }

    private static List<SigningKey> fromPem(Path file, String text, TokenAlgorithm algorithm) {
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        Matcher blocks = PEM.matcher(text);
        while (blocks.find()) {
            byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
            switch (blocks.group(1)) {
                case "PRIVATE KEY" -> {
                    if (privateKey != null) {
                        throw invalid(file, "holds more than one PEM private key; use a JWK Set for several keys");
                    }
                    privateKey = parse(file, der, true);
                }
                case "PUBLIC KEY" -> publicKey = parse(file, der, false);
                default -> throw invalid(file, "has a PEM block '" + blocks.group(1)
                        + "'; use PKCS#8 'PRIVATE KEY' (openssl pkcs8 -topk8 -nocrypt) and 'PUBLIC KEY'");
            }
        }
        if (privateKey == null) {
            return List.of();
        }
        if (publicKey == null && privateKey instanceof RSAPrivateCrtKey rsa) {
            publicKey = rsaPublic(file, rsa);
        }
        if (publicKey == null) {
            throw invalid(file, "needs the 'PUBLIC KEY' block next to the private key");
        }
        try {
            String kid = PublicJsonWebKey.Factory.newPublicJwk(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
            return List.of(key(kid, algorithm, privateKey, publicKey));
        } catch (JoseException e) {
            throw invalid(file, "holds a key jose4j cannot describe (" + e.getMessage() + ")");
        }
    }

    private static <K> K parse(Path file, byte[] der, boolean isPrivate) {
        for (String type : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                KeyFactory factory = KeyFactory.getInstance(type);
                @SuppressWarnings("unchecked")
                K key = (K) (isPrivate ? factory.generatePrivate(new PKCS8EncodedKeySpec(der))
                        : factory.generatePublic(new X509EncodedKeySpec(der)));
                return key;
            } catch (GeneralSecurityException | ClassCastException e) {
                // try the next key type
            }
        }
        throw invalid(file, "has a key that is not RSA, EC or Ed25519 in PKCS#8 / X.509 form");
    }

    private static PublicKey rsaPublic(Path file, RSAPrivateCrtKey rsa) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw invalid(file, "has an RSA key whose public part cannot be derived");
        }
    }

    private static SigningKey key(String kid, TokenAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
        return new SigningKey(kid, algorithm, privateKey, publicKey, Instant.EPOCH, Instant.EPOCH);
    }

    private static IllegalStateException invalid(Path file, String problem) {
        return new IllegalStateException("jwtlib.keys.location=" + file + " " + problem + ".");
    }
}
