package dev.jwtlib.token;

import dev.jwtlib.config.ConfigValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Signing key rotation.
 *
 * @param activationDelay  how long a new key is published before it signs
 *                         ({@code jwtlib.keys.activation-delay}); longer than the JWKS cache time
 * @param rotationInterval how long a key signs before a new one is created
 *                         ({@code jwtlib.keys.rotation-interval})
 * @param location         a PEM or JWK file with the signing key(s); when set, these replace the
 *                         generated keys and rotation is the operator's ({@code jwtlib.keys.location})
 */
public record KeySettings(Duration activationDelay, Duration rotationInterval, Optional<Path> location) {

    public static KeySettings from(Config config) {
        return new KeySettings(
                ConfigValues.duration(config, "jwtlib.keys.activation-delay", "PT10M"),
                ConfigValues.duration(config, "jwtlib.keys.rotation-interval", "P30D"),
                ConfigValues.optional(config, "jwtlib.keys.location").map(Path::of));
    }
}
