package dev.jwtlib.http;

import dev.jwtlib.error.InvalidInput;

/** Query parameters of the list endpoints. */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * A whole number from {@code min} to {@code max}, or {@code defaultValue} when absent.
     *
     * @throws InvalidInput naming the parameter when it is anything else
     */
    public static long number(String name, String raw, long defaultValue, long min, long max) {
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInput(name, "must be a whole number from " + min + " to " + max);
    }
}
