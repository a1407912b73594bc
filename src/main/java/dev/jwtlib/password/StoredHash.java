package dev.jwtlib.password;

import java.util.Base64;
import java.util.Optional;

/**
 * The parameters of a stored hash in the Jakarta Security encoding
 * {@code algorithm:iterations:base64(salt):base64(key)}.
 */
record StoredHash(String algorithm, int iterations, int saltBytes, int keyBytes) {

    static Optional<StoredHash> parse(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split(":");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StoredHash(parts[0], Integer.parseInt(parts[1]),
                    Base64.getDecoder().decode(parts[2]).length, Base64.getDecoder().decode(parts[3]).length));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether these parameters fall short of the configured ones in any respect. */
    boolean weakerThan(PasswordSettings settings) {
        return !algorithm.equals(settings.algorithm()) || iterations < settings.iterations()
                || saltBytes < settings.saltBytes() || keyBytes < settings.keyBytes();
    }
}
