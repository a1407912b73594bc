package dev.jwtlib.token;

import dev.jwtlib.verify.TokenAlgorithm;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;

/**
 * One key pair of the key ring, named by its {@code kid}.
 *
 * @param activatesAt when it starts signing; it is published in the JWKS from its creation on
 */
public record SigningKey(String kid, TokenAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey,
                         Instant createdAt, Instant activatesAt) {

    /** Never prints key material. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", alg=" + algorithm.jwsName() + ", activatesAt=" + activatesAt + "]";
    }
}
