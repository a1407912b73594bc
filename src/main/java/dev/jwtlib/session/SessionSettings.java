package dev.jwtlib.session;

import dev.jwtlib.config.ConfigValues;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How long a login lasts.
 *
 * @param refreshTtl refresh token lifetime ({@code jwtlib.refresh.ttl})
 */
public record SessionSettings(Duration refreshTtl) {

    public static SessionSettings from(Config config) {
        return new SessionSettings(ConfigValues.duration(config, "jwtlib.refresh.ttl", "P14D"));
    }
}
