package dev.jwtlib.token;

import dev.jwtlib.ConfigValues;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Signing key rotation.
 *
 * @param activationDelay  how long a new key is published before it signs
 *                         ({@code jwtlib.keys.activation-delay}); longer than the JWKS cache time
 * @param rotationInterval how long a key signs before a new one is created
 *                         ({@code jwtlib.keys.rotation-interval})
 */
public record KeySettings(Duration activationDelay, Duration rotationInterval) {

    public static KeySettings from(Config config) {
        return new KeySettings(
                ConfigValues.duration(config, "jwtlib.keys.activation-delay", "PT10M"),
                ConfigValues.duration(config, "jwtlib.keys.rotation-interval", "P30D"));
    }
}
