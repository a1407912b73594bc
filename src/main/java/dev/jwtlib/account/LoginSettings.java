package dev.jwtlib.account;

import dev.jwtlib.config.ConfigValues;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Brute-force protection.
 *
 * @param maxFailures consecutive failed logins that lock an account ({@code jwtlib.login.max-failures})
 * @param lockout     how long it stays locked ({@code jwtlib.login.lockout})
 */
public record LoginSettings(int maxFailures, Duration lockout) {

    public static LoginSettings from(Config config) {
        return new LoginSettings(
                ConfigValues.integer(config, "jwtlib.login.max-failures", 5, 1, 1000),
                ConfigValues.duration(config, "jwtlib.login.lockout", "PT5M"));
    }
}
