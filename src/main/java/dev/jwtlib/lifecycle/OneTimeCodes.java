package dev.jwtlib.lifecycle;

import dev.jwtlib.verify.TokenIds;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The codes mailed for verification and reset: 130 random bits as 26 characters of RFC 4648
 * base32 ({@code A–Z}, {@code 2–7}), easy to read out and to type; what a person types is taken in
 * any case and with spaces or dashes. Stored only as their SHA-256.
 */
final class OneTimeCodes {

    static final int LENGTH = 26;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeCodes() {
    }

    static String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** The code as generated, from what a person typed or pasted; empty when it cannot be one. */
    static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 4 * LENGTH) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return code.matches("[A-Z2-7]{" + LENGTH + "}") ? Optional.of(code) : Optional.empty();
    }

    static String digest(String code) {
        return TokenIds.digest(code);
    }
}
