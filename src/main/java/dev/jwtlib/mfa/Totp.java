package dev.jwtlib.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 on RFC 4226's HOTP) with the parameters every
 * authenticator app accepts: a 160-bit secret, HMAC-SHA-1, 6 digits, 30-second steps.
 */
public final class Totp {

    /** 160 bits, RFC 4226 section 4's recommendation and what the apps expect. */
    public static final int SECRET_BYTES = 20;
    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps of clock drift accepted either way (RFC 6238 section 5.2 recommends at most one). */
    public static final int DRIFT = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new random secret. */
    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The time step (counter) an instant falls into. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for one step, {@code digits} long, with the given HMAC ({@code HmacSHA1} for the apps). */
    static String code(byte[] secret, long step, int digits, String hmac) {
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(secret, hmac));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            long modulus = (long) Math.pow(10, digits);
            String code = Long.toString(binary % modulus);
            return "0".repeat(digits - code.length()) + code;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is missing from the JDK", e);
        }
    }

    /** The 6-digit code of a step. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, "HmacSHA1");
    }

    /**
     * The step whose code {@code typed} is, within {@link #DRIFT} steps of {@code now} and after
     * {@code lastUsed} (a code is accepted once); empty for anything else. Spaces and dashes in what was typed
     * are ignored. Every candidate is compared, in constant time.
     */
    public static OptionalLong match(byte[] secret, String typed, Instant now, long lastUsed) {
        if (typed == null) {
            return OptionalLong.empty();
        }
        String code = typed.replace(" ", "").replace("-", "");
        if (code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong found = OptionalLong.empty();
        for (long step = current - DRIFT; step <= current + DRIFT; step++) {
            boolean equal = MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes());
            if (equal && step > lastUsed && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }
}
