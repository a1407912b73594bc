package dev.jwtlib.verify;

import dev.jwtlib.config.ConfigValues;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How access tokens are issued and verified.
 *
 * @param issuer    the {@code iss} claim ({@code jwtlib.issuer})
 * @param audience  the {@code aud} claim to set and require, or empty ({@code jwtlib.audience})
 * @param ttl       access token lifetime ({@code jwtlib.token.ttl})
 * @param algorithm the one signature algorithm issued and accepted ({@code jwtlib.token.algorithm})
 */
public record TokenSettings(String issuer, Optional<String> audience, Duration ttl, TokenAlgorithm algorithm) {

    /** Clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    public static TokenSettings from(Config config) {
        return new TokenSettings(
                ConfigValues.string(config, "jwtlib.issuer", "jwtlib"),
                ConfigValues.optional(config, "jwtlib.audience"),
                ConfigValues.duration(config, "jwtlib.token.ttl", "PT15M"),
                TokenAlgorithm.fromConfig(ConfigValues.string(config, "jwtlib.token.algorithm", "ES256")));
    }
}
