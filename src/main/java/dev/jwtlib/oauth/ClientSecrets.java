package dev.jwtlib.oauth;

import dev.jwtlib.verify.TokenIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Client secrets: generated with 256 random bits, shown once, stored as a SHA-256 digest. A
 * secret of that strength needs no slow hash: nobody can search its space, so a check costs
 * microseconds, and the digests are compared in constant time.
 */
final class ClientSecrets {

    static final int BYTES = 32;
    /** The least length of a secret an administrator brings (moving an existing client). */
    static final int MIN_GIVEN_LENGTH = 32;

    private ClientSecrets() {
    }

    static String generate() {
        return TokenIds.random(BYTES);
    }

    static String digest(String secret) {
        return TokenIds.digest(secret);
    }

    static boolean matches(String secret, String digest) {
        return MessageDigest.isEqual(digest(secret).getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII));
    }
}
