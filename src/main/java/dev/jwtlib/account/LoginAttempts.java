package dev.jwtlib.account;

import java.time.Instant;

/**
 * Password-check counts shared by every instance: per account and source address (a "pair"),
 * and per account across sources. Each operation is one atomic step in the store, so that
 * parallel checks on several instances count exactly.
 */
public interface LoginAttempts {

    /**
     * One account's counts from one source.
     *
     * @param failures    failed checks since the last success from this source (not reset by a lock)
     * @param inflight    checks under way
     * @param attemptedAt when a check was last admitted, or {@code null}
     * @param lockedUntil until when this source is locked out of the account, or {@code null}
     */
    record Counts(int failures, int inflight, Instant attemptedAt, Instant lockedUntil) {
        public static final Counts NONE = new Counts(0, 0, null, null);
    }

    /**
     * The account's standing across sources.
     *
     * @param failures consecutive failed checks from any source since the last success
     * @param locked   whether it is locked until an administrator unlocks it
     */
    record AccountCounts(int failures, boolean locked) {
        public static final AccountCounts NONE = new AccountCounts(0, false);
    }

    /** The failures after one more, for the pair and the account. */
    record Failures(int pair, int account) {
    }

    AccountCounts account(String account);

    /**
     * Counts one more check under way from {@code source} and notes {@code now} as its last attempt.
     *
     * @param keepUntil how long the entry must be kept at least
     * @return the pair's counts as they were before (all zero when never seen)
     */
    Counts admit(String account, String source, Instant now, Instant keepUntil);

    /** Sets the checks under way, forgetting lost ones (an instance stopped mid-check). */
    void resetInflight(String account, String source, int inflight);

    /** Ends one check that succeeded: the pair's and the account's failures start afresh. */
    void succeeded(String account, String source);

    /** Ends one check that failed: one more failure for the pair and for the account. */
    Failures failed(String account, String source, Instant keepUntil);

    /** Locks {@code source} out of the account until {@code until}. */
    void lockPair(String account, String source, Instant until, Instant keepUntil);

    /** Locks the account for every source until {@link #unlock}. */
    void lockAccount(String account);

    /** Ends one check that counts neither way. */
    void release(String account, String source);

    /** Forgets every count and lock of the account (an administrator's unlock, a password reset). */
    void unlock(String account);
}
