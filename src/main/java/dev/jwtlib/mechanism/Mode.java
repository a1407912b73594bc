package dev.jwtlib.mechanism;

import dev.jwtlib.config.ConfigValues;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * How an application checks the bearer tokens it is given ({@code jwtlib.mode}).
 * <ul>
 *   <li>{@code issuer} (default): the jwtlib auth service itself, which holds the keys and the
 *       revocation list;</li>
 *   <li>{@code jwks}: another application verifying tokens locally against the auth service's JWKS;</li>
 *   <li>{@code introspect}: another application asking the auth service's introspection endpoint.</li>
 * </ul>
 */
public enum Mode {
    ISSUER, JWKS, INTROSPECT;

    public static final String KEY = "jwtlib.mode";

    /**
     * @throws IllegalStateException naming {@code jwtlib.mode} for an unknown value
     */
    public static Mode from(Config config) {
        String value = ConfigValues.string(config, KEY, "issuer");
        return Arrays.stream(values()).filter(m -> m.configValue().equals(value.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ConfigValues.invalid(KEY, value, "issuer, jwks or introspect"));
    }

    /** The value of {@code jwtlib.mode} that selects this mode. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
