package dev.jwtlib.session;

import dev.jwtlib.config.ConfigValues;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How long a login lasts.
 *
 * @param refreshTtl  how long one refresh token works ({@code jwtlib.refresh.ttl})
 * @param maxLifetime how long a login lasts however often it is refreshed, from the login on
 *                    ({@code jwtlib.session.max-lifetime})
 */
public record SessionSettings(Duration refreshTtl, Duration maxLifetime) {

    public static SessionSettings from(Config config) {
        return new SessionSettings(ConfigValues.duration(config, "jwtlib.refresh.ttl", "P14D"),
                ConfigValues.duration(config, "jwtlib.session.max-lifetime", "P30D"));
    }
}
