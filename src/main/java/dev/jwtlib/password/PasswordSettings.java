package dev.jwtlib.password;

import dev.jwtlib.config.ConfigValues;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * PBKDF2 parameters (OWASP Password Storage Cheat Sheet defaults) and the password length rule
 * (NIST SP 800-63B-4: at least 15 characters for a single-factor password).
 */
public record PasswordSettings(String algorithm, int iterations, int saltBytes, int keyBytes, int minLength) {

    public static final int MAX_LENGTH = 128;
    private static final Set<String> ALGORITHMS =
            Set.of("PBKDF2WithHmacSHA256", "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512");

    public PasswordSettings {
        if (!ALGORITHMS.contains(algorithm)) {
            throw ConfigValues.invalid("jwtlib.password.algorithm", algorithm, "one of " + ALGORITHMS);
        }
    }

    public static PasswordSettings from(Config config) {
        return new PasswordSettings(
                ConfigValues.string(config, "jwtlib.password.algorithm", "PBKDF2WithHmacSHA256"),
                ConfigValues.integer(config, "jwtlib.password.iterations", 600_000, 1_024, 10_000_000),
                ConfigValues.integer(config, "jwtlib.password.salt-bytes", 32, 16, 64),
                ConfigValues.integer(config, "jwtlib.password.key-bytes", 32, 16, 64),
                ConfigValues.integer(config, "jwtlib.password.min-length", 15, 8, MAX_LENGTH));
    }

    /** The parameters in the form {@code Pbkdf2PasswordHash.initialize} takes. */
    public Map<String, String> hashParameters() {
        return Map.of(
                "Pbkdf2PasswordHash.Algorithm", algorithm,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", Integer.toString(saltBytes),
                "Pbkdf2PasswordHash.KeySizeBytes", Integer.toString(keyBytes));
    }
}
