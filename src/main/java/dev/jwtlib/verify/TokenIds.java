package dev.jwtlib.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers and secrets, and the one-way digest under which secrets are stored. */
public final class TokenIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final MessageDigest SHA_256 = newSha256();

    private TokenIds() {
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }

    /** SHA-256 of {@code secret}, base64url: how refresh tokens are stored and tokens are cached. */
    public static String digest(String secret) {
        return BASE64URL.encodeToString(sha256().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A new SHA-256 digest, cloned from a prototype: {@code MessageDigest.getInstance} looks the
     * provider up every time, which was most of a cached token's digest on the hot path (JFR,
     * issue 18).
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
