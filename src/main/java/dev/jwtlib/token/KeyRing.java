package dev.jwtlib.token;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * The keys access tokens are signed and verified with: generated and kept in the store
 * ({@link StoredKeyRing}, the default) or read from the operator's file ({@link FileKeyRing},
 * {@code jwtlib.keys.location}).
 */
public interface KeyRing {

    /** The {@code max-age} of the JWKS response. */
    Duration JWKS_MAX_AGE = Duration.ofMinutes(5);

    /** A rotation's result: the new key and when it starts signing. */
    record Rotation(String kid, String algorithm, Instant activatesAt) {
    }

    /** The key new tokens are signed with now. */
    SigningKey signer();

    /** The public key for {@code kid}, or empty when no published key has it. */
    Optional<PublicKey> verificationKey(String kid);

    /** Every published key (the signer, the next one, and older ones still verifying), oldest first. */
    List<SigningKey> publishedKeys();

    /** Whether {@link #rotate()} works (the keys are jwtlib's, not the operator's file). */
    boolean rotatable();

    /** Every published verification key, for the JWK Set. */
    List<PublicJsonWebKey> publicJwks();

    /**
     * Creates a new key: published now, signing after the activation delay.
     *
     * @throws dev.jwtlib.error.Conflict when the keys are not jwtlib's to rotate
     */
    Rotation rotate();

    /** One line for the start-up log: which key signs, where the keys come from. */
    String describe();
}
