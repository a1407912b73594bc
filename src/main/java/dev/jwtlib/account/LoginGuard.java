package dev.jwtlib.account;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.TooManyFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Brute-force protection for password checks, on counts every instance shares
 * ({@link LoginAttempts}), per account <em>and</em> source address:
 * <ul>
 *   <li>After {@code max-failures} consecutive failures from one source, that source is locked out
 *       of the account ({@code 429} with {@code Retry-After}, even for the right password) for
 *       the lockout time; each further round of failures from it locks it twice as long (up to
 *       a day). A lock does not reset the count, and a success from that source does.</li>
 *   <li>Failures from other sources do not lock the owner's source: an attacker cannot lock the
 *       owner out at once.</li>
 *   <li>Across sources, {@code account-limit} (at most 100) consecutive failures without a success
 *       lock the account for every source until an administrator {@linkplain #unlock unlocks} it
 *       (NIST SP 800-63B-4 section 3.2.2).</li>
 *   <li>A check is admitted only while the source's failures since its last lock plus the checks
 *       under way stay within the limit, decided in one atomic update before the password is
 *       checked: parallel guesses cannot slip past it. Over it: {@code 429} for a second, nothing
 *       locked.</li>
 *   <li>Names without an account are counted the same way, so a lockout tells nothing about
 *       existence.</li>
 * </ul>
 * The locks are derived from the counts ({@link #lockedUntil}), not stored apart from them: a
 * failure and its lock are one write. Every admitted check must end in exactly one
 * {@link #succeeded}, {@link #failed} or {@link #abandoned}.
 */
@ApplicationScoped
public class LoginGuard {

    /** In-flight checks older than this were lost (an instance stopped mid-check) and no longer count. */
    static final Duration STALE = Duration.ofMinutes(2);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    /** What a client is told to wait while the account is locked until an administrator acts. */
    static final Duration ACCOUNT_LOCK_RETRY = Duration.ofHours(1);
    /** How long an entry outlives its last use (and the longest lock it can hold). */
    private static final Duration KEEP = Duration.ofDays(1).plus(LoginSettings.MAX_LOCKOUT);

    private LoginAttempts attempts;
    private LoginSettings settings;
    private SecurityEvents events;
    private Clock clock;

    @Inject
    public LoginGuard(LoginAttempts attempts, LoginSettings settings, SecurityEvents events, Clock clock) {
        this.attempts = attempts;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    LoginGuard() {
    }

    /**
     * Admits one password check of {@code account} from {@code source}; end it with
     * {@link #succeeded}, {@link #failed} or {@link #abandoned}.
     *
     * @throws TooManyFailures while the account or this source is locked, or (for a second) while as
     *                         many checks are under way from the source as it has failures left
     */
    public void attempt(String account, String source) {
        if (accountLocked(account)) {
            throw new TooManyFailures("This account is locked after too many failed logins; an administrator can unlock it.",
                    ACCOUNT_LOCK_RETRY, true);
        }
        Instant now = clock.instant();
        LoginAttempts.Counts before = attempts.admit(account, source, now, now.plus(KEEP));
        int inflight = 1;
        if (before.attemptedAt() != null && before.attemptedAt().plus(STALE).isBefore(now)) {
            // nothing has been checked from here for a while: what still counts as in flight was lost
            attempts.resetInflight(account, source, 1);
        } else {
            inflight += before.inflight();
        }
        Instant lockedUntil = lockedUntil(before);
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            attempts.release(account, source);
            throw new TooManyFailures(Duration.between(now, lockedUntil));
        }
        if (before.failures() % settings.maxFailures() + inflight > settings.maxFailures()) {
            attempts.release(account, source);
            throw new TooManyFailures("Too many logins for this account at once; try again in a second.", BUSY_RETRY, false);
        }
    }

    /**
     * One admitted check of a known account's credential (a password, a second-factor code),
     * ended as its outcome says: a failure counts, a success starts the failures afresh unless
     * {@code moreToCome} (a second factor still to be checked), a check that threw counts neither way.
     *
     * @return whether the credential was right
     * @throws TooManyFailures as {@link #attempt}
     */
    public boolean check(String account, String source, boolean moreToCome, BooleanSupplier credential) {
        attempt(account, source);
        boolean checked = false;
        boolean right = false;
        try {
            right = credential.getAsBoolean();
            checked = true;
        } finally {
            if (!checked || right && moreToCome) {
                abandoned(account, source);
            } else if (right) {
                succeeded(account, source);
            } else {
                failed(account, source, true);
            }
        }
        return right;
    }

    /** The password was right: the failures start afresh, for this source and for the account. */
    public void succeeded(String account, String source) {
        attempts.succeeded(account, source);
    }

    /**
     * The password was wrong (or the account unusable): one more failure, which at a limit is a
     * lock.
     *
     * @param known whether an account of that name exists (its count is then kept until a
     *              success or an unlock; a name without one is forgotten after a while)
     */
    public void failed(String account, String source, boolean known) {
        Instant now = clock.instant();
        LoginAttempts.Failures failures = attempts.failed(account, source, now, now.plus(KEEP), known);
        if (failures.account() == settings.accountLimit()) {
            events.lockout(account, source, null);
        } else if (failures.account() < settings.accountLimit() && failures.pair() > 0
                && failures.pair() % settings.maxFailures() == 0) {
            events.lockout(account, source, lockout(failures.pair() / settings.maxFailures()));
        }
    }

    /**
     * Until when a source is locked out of the account, from its counts: after every
     * {@code max-failures}-th failure, for the lockout time of that round from that failure.
     */
    Instant lockedUntil(LoginAttempts.Counts counts) {
        if (counts.failures() == 0 || counts.failures() % settings.maxFailures() != 0 || counts.lastFailedAt() == null) {
            return null;
        }
        return counts.lastFailedAt().plus(lockout(counts.failures() / settings.maxFailures()));
    }

    /** The check could not be made (the store or the hasher failed): it counts neither way. */
    public void abandoned(String account, String source) {
        attempts.release(account, source);
    }

    /** Whether the account is locked for every source until an administrator unlocks it. */
    public boolean accountLocked(String account) {
        return attempts.accountFailures(account) >= settings.accountLimit();
    }

    /** Ends every lock and count of the account (an administrator's decision, a new or deleted account). */
    public void unlock(String account) {
        attempts.unlock(account);
    }

    /** The {@code round}-th lock of one source: the lockout time, doubled each round, at most a day. */
    Duration lockout(int round) {
        Duration lockout = settings.lockout();
        for (int i = 1; i < round && lockout.compareTo(LoginSettings.MAX_LOCKOUT) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(LoginSettings.MAX_LOCKOUT) > 0 ? LoginSettings.MAX_LOCKOUT : lockout;
    }
}
