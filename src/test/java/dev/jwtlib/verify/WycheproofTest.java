package dev.jwtlib.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.error.InvalidToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.junit.jupiter.api.Test;

/**
 * Google's Wycheproof vectors (Apache-2.0, {@code src/test/resources/wycheproof}, commit in
 * {@code SOURCE}) through the verifier: every JWS vector, and every ECDSA P-256 (P1363), Ed25519
 * and RSA-PSS signature vector through the checks the verifier makes before a signature (key,
 * exact length) and the jose4j algorithm it verifies with. An invalid vector must be refused.
 * A valid one must be accepted, unless jwtlib's policy is stricter than the vector's: jwtlib
 * takes one configured algorithm of ES256, RS256, PS256 and EdDSA only, requires a {@code kid},
 * and refuses RSA keys under 2048 bits. JWK Set vectors are in {@code client.WycheproofJwkTest}.
 */
class WycheproofTest {

    /** The reasons for refusing a valid vector that are jwtlib's policy, not a signature's fault. */
    private static final Set<String> POLICY = Set.of("The token algorithm is not accepted.",
            "The token header has no 'kid'.", "The token's key is too weak or of the wrong type.",
            "The token has no claims.", "key not for this");

    static JsonObject vectors(String file) {
        try (InputStream in = WycheproofTest.class.getResourceAsStream("/wycheproof/" + file);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The verifier's verdict on a JWS's signature with this key: empty when accepted, else why not.
     * The header, encoding, key and length checks are the verifier's own; the signature is jose4j's,
     * with the algorithm pinned as SmallRye JWT pins it when the verifier calls it.
     */
    static Optional<String> verdict(String jws, TokenAlgorithm algorithm, PublicKey key) {
        try {
            JoseHeader header = TokenVerifier.checkShape(jws, algorithm);
            TokenVerifier.checkKey(key, algorithm);
            if (header.signatureLength() != algorithm.signatureLength(key)) {
                return Optional.of("length");
            }
            JsonWebSignature signature = new JsonWebSignature();
            signature.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    algorithm.jwsName()));
            signature.setCompactSerialization(jws);
            signature.setKey(key);
            return signature.verifySignature() ? Optional.empty() : Optional.of("signature");
        } catch (InvalidToken e) {
            return Optional.of(e.getMessage());
        } catch (Exception e) {
            return Optional.of(e.getClass().getSimpleName());
        }
    }

    private static Optional<TokenAlgorithm> algorithm(String alg) {
        try {
            return Optional.of(TokenAlgorithm.fromConfig(alg));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Test
    void jwsVectorsWhenInvalidThenRefusedAndWhenValidThenAcceptedUnlessPolicySaysOtherwise() throws Exception {
        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        int checked = 0;
        for (JsonValue group : vectors("json_web_signature_test.json").getJsonArray("testGroups")) {
            JsonObject jwk = group.asJsonObject().containsKey("public") ? group.asJsonObject().getJsonObject("public")
                    : group.asJsonObject().getJsonObject("private");
            JsonWebKey key = JsonWebKey.Factory.newJwk(jwk.toString());
            for (JsonValue value : group.asJsonObject().getJsonArray("tests")) {
                JsonObject test = value.asJsonObject();
                boolean valid = "valid".equals(test.getString("result"));
                checked++;
                if (!(test.get("jws") instanceof JsonString compact)) {
                    // JSON serialization: the verifier takes compact tokens only
                    if (refusedByTheVerifier(test.get("jws").toString(), key)) {
                        continue;
                    }
                    wrong.add(test.getInt("tcId") + " (JSON serialization accepted)");
                    continue;
                }
                String jws = compact.getString();
                String alg = headerAlg(jws);
                Optional<TokenAlgorithm> ours = algorithm(alg).or(() -> Optional.of(TokenAlgorithm.ES256));
                // a key reaches the verifier only through a JWK reader, which honours use, key_ops and alg
                Optional<String> verdict = !(key instanceof PublicJsonWebKey pair)
                        ? Optional.of("The token algorithm is not accepted.")
                        : JwkUse.problem(key, ours.get(), JwkUse.VERIFY).isPresent() ? Optional.of("key not for this")
                        : verdict(jws, ours.get(), pair.getPublicKey());
                if (!refusedByTheVerifier(jws, key)) {
                    wrong.add(test.getInt("tcId") + " (the verifier accepted a vector without our claims)");
                }
                if (verdict.isEmpty()) {
                    accepted++;
                }
                if (valid ? verdict.isPresent() && !POLICY.contains(verdict.get()) : verdict.isEmpty()) {
                    wrong.add(test.getInt("tcId") + " " + test.getString("comment") + " expected " + test.getString("result")
                            + ", got " + verdict.orElse("accepted"));
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(401, checked);
        assertTrue(accepted > 0, "some valid vectors must get through, or the test shows nothing");
    }

    /** The full verifier refuses it with {@link InvalidToken} (none of the payloads is a jwtlib token), never another error. */
    private static boolean refusedByTheVerifier(String jws, JsonWebKey jwk) {
        if (!(jwk instanceof PublicJsonWebKey pair)) {
            return true;
        }
        for (TokenAlgorithm algorithm : TokenAlgorithm.values()) {
            TokenVerifier verifier = new TokenVerifier(new TokenSettings("jwtlib", Optional.empty(), Duration.ofDays(3650),
                    algorithm), kid -> Optional.of(pair.getPublicKey()), Clock.systemUTC());
            try {
                verifier.verify(jws);
                return false;
            } catch (InvalidToken expected) {
                // refused, as it must be
            }
        }
        return true;
    }

    private static String headerAlg(String jws) {
        try (JsonReader reader = Json.createReader(new java.io.StringReader(new String(
                java.util.Base64.getUrlDecoder().decode(jws.substring(0, Math.max(0, jws.indexOf('.')))))))) {
            return reader.readObject().getString("alg", "?");
        } catch (RuntimeException e) {
            return "?";
        }
    }

    @Test
    void ecdsaP256VectorsThenTheVerdictOfEveryOne() throws Exception {
        assertSignatureVectors("ecdsa_secp256r1_sha256_p1363_test.json", TokenAlgorithm.ES256, "EC",
                () -> Signature.getInstance("SHA256withECDSAinP1363Format"));
    }

    @Test
    void ed25519VectorsThenTheVerdictOfEveryOne() throws Exception {
        assertSignatureVectors("ed25519_test.json", TokenAlgorithm.EDDSA, "Ed25519", () -> Signature.getInstance("Ed25519"));
    }

    @Test
    void rsaPss2048VectorsThenTheVerdictOfEveryOne() throws Exception {
        assertSignatureVectors("rsa_pss_2048_sha256_mgf1_32_test.json", TokenAlgorithm.PS256, "RSA", () -> {
            Signature pss = Signature.getInstance("RSASSA-PSS");
            pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            return pss;
        });
    }

    private interface Jca {
        Signature get() throws Exception;
    }

    /**
     * Raw signatures over arbitrary messages: the verifier's key and length checks, then the
     * jose4j algorithm the verifier's SmallRye JWT calls, on the message as the signing input.
     * The JDK's own {@code Signature} is the oracle for the platform: a valid vector that the JDK
     * itself refuses (JDK 17 refuses two ECDSA edge cases) may be refused here too.
     */
    private static void assertSignatureVectors(String file, TokenAlgorithm algorithm, String keyType, Jca jca) throws Exception {
        JsonWebSignatureAlgorithm jose = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory()
                .getAlgorithm(algorithm.jwsName());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JsonValue value : vectors(file).getJsonArray("testGroups")) {
            JsonObject group = value.asJsonObject();
            PublicKey key = KeyFactory.getInstance(keyType).generatePublic(
                    new X509EncodedKeySpec(HexFormat.of().parseHex(group.getString("publicKeyDer"))));
            boolean keyAccepted = algorithm.accepts(key);
            for (JsonValue t : group.getJsonArray("tests")) {
                JsonObject test = t.asJsonObject();
                checked++;
                byte[] signature = HexFormat.of().parseHex(test.getString("sig"));
                byte[] message = HexFormat.of().parseHex(test.getString("msg"));
                boolean accepted;
                try {
                    accepted = keyAccepted && signature.length == algorithm.signatureLength(key)
                            && jose.verifySignature(signature, key, message, new ProviderContext());
                } catch (Exception e) {
                    accepted = false;
                }
                boolean valid = "valid".equals(test.getString("result"));
                if (accepted != valid && !(valid && (!keyAccepted || !jdkAccepts(jca, key, message, signature)))) {
                    wrong.add(test.getInt("tcId") + " " + test.getString("comment") + " expected " + test.getString("result"));
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 100, file + ": " + checked);
    }

    private static boolean jdkAccepts(Jca jca, PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = jca.get();
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void rsaPublicExponentOneAndRocaKeysAreRefused() {
        BigInteger modulus = ((java.security.interfaces.RSAPublicKey) TokenAlgorithm.RS256.generateKeyPair().getPublic()).getModulus();
        assertTrue(KeyChecks.saneRsa(rsa(modulus, BigInteger.valueOf(65537))));
        assertTrue(!KeyChecks.saneRsa(rsa(modulus, BigInteger.ONE)), "e = 1: anyone signs");
        assertTrue(!KeyChecks.saneRsa(rsa(modulus, BigInteger.valueOf(65536))), "an even exponent");
        assertTrue(!KeyChecks.hasRocaFingerprint(modulus), "a random modulus");
    }

    /** An RSA public key as numbers, however odd (the JDK's KeyFactory refuses some of them itself). */
    private static java.security.interfaces.RSAPublicKey rsa(BigInteger modulus, BigInteger exponent) {
        return new java.security.interfaces.RSAPublicKey() {
            @Override
            public BigInteger getPublicExponent() {
                return exponent;
            }

            @Override
            public BigInteger getModulus() {
                return modulus;
            }

            @Override
            public String getAlgorithm() {
                return "RSA";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
    }
}
