package dev.jwtlib.verify;

import dev.jwtlib.config.ConfigValues;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

/** The asymmetric JWS algorithms jwtlib signs with; HMAC and {@code none} are deliberately absent. */
public enum TokenAlgorithm {
    ES256("ES256", SignatureAlgorithm.ES256),
    RS256("RS256", SignatureAlgorithm.RS256),
    PS256("PS256", SignatureAlgorithm.PS256),
    EDDSA("EdDSA", SignatureAlgorithm.EDDSA);

    /** RSA moduli shorter than this are refused for signing and verifying. */
    public static final int MIN_RSA_BITS = 2048;

    private final String jwsName;
    private final SignatureAlgorithm smallrye;

    TokenAlgorithm(String jwsName, SignatureAlgorithm smallrye) {
        this.jwsName = jwsName;
        this.smallrye = smallrye;
    }

    /** The {@code alg} header value (RFC 7518 / RFC 8037). */
    public String jwsName() {
        return jwsName;
    }

    public SignatureAlgorithm smallrye() {
        return smallrye;
    }

    /**
     * @throws IllegalStateException naming {@code jwtlib.token.algorithm} for anything else
     */
    public static TokenAlgorithm fromConfig(String value) {
        return Arrays.stream(values()).filter(a -> a.jwsName.equals(value)).findFirst()
                .orElseThrow(() -> ConfigValues.invalid("jwtlib.token.algorithm", value, "ES256, RS256, PS256 or EdDSA"));
    }

    /** The NIST P-256 (secp256r1) curve, the only curve ES256 allows (RFC 7518 section 3.4). */
    private static final class P256 {
        static final java.math.BigInteger ORDER = new java.math.BigInteger(
                "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    }

    /** A fresh key pair of the right type and size for this algorithm. */
    public KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator;
            switch (this) {
                case ES256 -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                }
                case RS256, PS256 -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(MIN_RSA_BITS);
                }
                default -> generator = KeyPairGenerator.getInstance("Ed25519");
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot generate a " + jwsName + " key", e);
        }
    }

    /** Whether {@code key} is of the type and strength this algorithm needs. */
    public boolean accepts(PublicKey key) {
        return switch (this) {
            case ES256 -> key instanceof ECPublicKey ec && P256.ORDER.equals(ec.getParams().getOrder()) && KeyChecks.onCurve(ec);
            case RS256, PS256 -> key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= MIN_RSA_BITS
                    && KeyChecks.saneRsa(rsa);
            case EDDSA -> key instanceof EdECPublicKey ed && "Ed25519".equals(ed.getParams().getName());
        };
    }

    /** The exact length of a signature by {@code key} (RFC 7518 section 3.4, RFC 8037 section 3.1, RFC 8017). */
    public int signatureLength(PublicKey key) {
        return switch (this) {
            case ES256, EDDSA -> 64;
            case RS256, PS256 -> (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
        };
    }
}
