package dev.jwtlib.account;

import dev.jwtlib.error.TooManyFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Brute-force protection per name, on counts every instance shares ({@link LoginAttempts}).
 * <ul>
 *   <li>A check is admitted only while {@code failures + inflight} stays within the limit, decided
 *       in one atomic update before the password is checked: parallel guesses cannot slip past
 *       the limit. A check over it is refused for a second without locking anything, so that an
 *       account logging in from several places at once is not locked by its own successes.</li>
 *   <li>A failure counts; the one that reaches the limit locks the name for the lockout time,
 *       during which even the right password gets {@code 429}. A success clears the failures.</li>
 *   <li>Names without an account are counted the same way, so a lockout tells nothing about
 *       existence.</li>
 * </ul>
 * Every admitted check must end in exactly one {@link #succeeded}, {@link #failed} or {@link #abandoned}.
 */
@ApplicationScoped
public class LoginGuard {

    /** In-flight checks older than this were lost (an instance stopped mid-check) and no longer count. */
    static final Duration STALE = Duration.ofMinutes(2);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    /** How long an entry outlives its last use. */
    private static final Duration KEEP = Duration.ofDays(1);

    private LoginAttempts attempts;
    private LoginSettings settings;
    private Clock clock;

    @Inject
    public LoginGuard(LoginAttempts attempts, LoginSettings settings, Clock clock) {
        this.attempts = attempts;
        this.settings = settings;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    LoginGuard() {
    }

    /**
     * Admits one password check for {@code name}; end it with {@link #succeeded}, {@link #failed}
     * or {@link #abandoned}.
     *
     * @throws TooManyFailures while the name is locked, or (for a second) while as many checks are
     *                         under way as it has failures left
     */
    public void attempt(String name) {
        Instant now = clock.instant();
        LoginAttempts.Counts before = attempts.admit(name, now, now.plus(settings.lockout()).plus(KEEP));
        int inflight = 1;
        if (before.attemptedAt() != null && before.attemptedAt().plus(STALE).isBefore(now)) {
            // nothing has been checked for this name for a while: what still counts as in flight was lost
            attempts.resetInflight(name, 1);
        } else {
            inflight += before.inflight();
        }
        if (before.lockedUntil() != null && before.lockedUntil().isAfter(now)) {
            attempts.release(name);
            throw new TooManyFailures(Duration.between(now, before.lockedUntil()));
        }
        if (before.failures() + inflight > settings.maxFailures()) {
            attempts.release(name);
            throw new TooManyFailures("Too many logins for this account at once; try again in a second.", BUSY_RETRY, false);
        }
    }

    /** The password was right: the failures start afresh. */
    public void succeeded(String name) {
        attempts.succeeded(name);
    }

    /**
     * The password was wrong (or the account unusable): one more failure, and the lock at the limit.
     *
     * @return whether this failure locked the name
     */
    public boolean failed(String name) {
        if (attempts.failed(name) >= settings.maxFailures()) {
            Instant until = clock.instant().plus(settings.lockout());
            return attempts.lockIfAtLeast(name, settings.maxFailures(), until, until.plus(KEEP));
        }
        return false;
    }

    /** The check could not be made (the store or the hasher failed): it counts neither way. */
    public void abandoned(String name) {
        attempts.release(name);
    }
}
