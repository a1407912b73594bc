package dev.jwtlib.account;

import dev.jwtlib.config.ConfigValues;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Brute-force protection.
 *
 * @param maxFailures  consecutive failed logins from one source address that lock that source out
 *                     of the account ({@code jwtlib.login.max-failures})
 * @param lockout      how long the first such lock lasts; each further one from the same source
 *                     lasts twice as long, up to {@link #MAX_LOCKOUT} ({@code jwtlib.login.lockout})
 * @param accountLimit consecutive failed logins from all sources together that lock the account
 *                     until an administrator unlocks it ({@code jwtlib.login.account-limit}, at
 *                     most 100 as NIST SP 800-63B-4 asks)
 */
public record LoginSettings(int maxFailures, Duration lockout, int accountLimit) {

    /** The longest a source is locked out of an account at a time. */
    public static final Duration MAX_LOCKOUT = Duration.ofDays(1);

    public static LoginSettings from(Config config) {
        int maxFailures = ConfigValues.integer(config, "jwtlib.login.max-failures", 5, 1, 100);
        return new LoginSettings(maxFailures,
                ConfigValues.duration(config, "jwtlib.login.lockout", "PT5M"),
                ConfigValues.integer(config, "jwtlib.login.account-limit", 100, maxFailures, 100));
    }
}
