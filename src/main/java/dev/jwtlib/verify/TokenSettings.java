package dev.jwtlib.verify;

import dev.jwtlib.config.ConfigValues;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How access tokens are issued and verified.
 *
 * @param issuer    the {@code iss} claim ({@code jwtlib.issuer}): for the auth service an absolute URL,
 *                  where its metadata is served (RFC 8414)
 * @param audience  the {@code aud} claim to set and require, or empty ({@code jwtlib.audience})
 * @param ttl       access token lifetime ({@code jwtlib.token.ttl})
 * @param algorithm the one signature algorithm issued and accepted ({@code jwtlib.token.algorithm})
 */
public record TokenSettings(String issuer, Optional<String> audience, Duration ttl, TokenAlgorithm algorithm) {

    /** Clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    public static final String ISSUER = "jwtlib.issuer";

    /**
     * @param defaultIssuer the {@code iss} when {@code jwtlib.issuer} is not set: the auth service's
     *                      own URL for the service, the auth service's URL for an application that
     *                      accepts its tokens
     */
    public static TokenSettings from(Config config, String defaultIssuer) {
        return new TokenSettings(
                ConfigValues.string(config, ISSUER, defaultIssuer),
                ConfigValues.optional(config, "jwtlib.audience"),
                ConfigValues.duration(config, "jwtlib.token.ttl", "PT15M"),
                TokenAlgorithm.fromConfig(ConfigValues.string(config, "jwtlib.token.algorithm", "ES256")));
    }
}
