package dev.jwtlib.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** Reads typed configuration values and fails start-up with a message that names the key. */
public final class ConfigValues {

    private ConfigValues() {
    }

    /** A non-blank string, or empty when the key is unset or blank. */
    public static Optional<String> optional(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    public static String string(Config config, String key, String defaultValue) {
        return optional(config, key).orElse(defaultValue);
    }

    /**
     * An integer within {@code [min, max]}.
     *
     * @throws IllegalStateException naming the key when the value is not a number or out of range
     */
    public static int integer(Config config, String key, int defaultValue, int min, int max) {
        String raw = string(config, key, Integer.toString(defaultValue));
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "a whole number");
        }
        if (value < min || value > max) {
            throw invalid(key, raw, "a number from " + min + " to " + max);
        }
        return value;
    }

    /**
     * {@code true} or {@code false} in any case, else {@code defaultValue} when not set.
     *
     * @throws IllegalStateException naming the key for any other value
     */
    public static boolean bool(Config config, String key, boolean defaultValue) {
        return optional(config, key).map(raw -> bool(key, raw)).orElse(defaultValue);
    }

    /**
     * {@code raw}, the value of {@code key}, as a boolean: {@code true} or {@code false} in any case.
     *
     * @throws IllegalStateException naming the key for any other value
     */
    public static boolean bool(String key, String raw) {
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw invalid(key, raw, "true or false");
    }

    /**
     * A positive ISO-8601 duration such as {@code PT15M}.
     *
     * @throws IllegalStateException naming the key when the value is not a positive duration
     */
    public static Duration duration(Config config, String key, String defaultValue) {
        String raw = string(config, key, defaultValue);
        try {
            Duration value = Duration.parse(raw);
            if (value.isNegative() || value.isZero()) {
                throw invalid(key, raw, "a positive ISO-8601 duration such as " + defaultValue);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw invalid(key, raw, "an ISO-8601 duration such as " + defaultValue);
        }
    }

    public static IllegalStateException invalid(String key, String value, String expected) {
        return new IllegalStateException(
                "Configuration " + key + "='" + value + "' is not valid: expected " + expected + ".");
    }
}
