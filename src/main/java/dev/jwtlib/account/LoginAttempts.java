package dev.jwtlib.account;

import java.time.Instant;

/**
 * Password-check counts shared by every instance: per account and source address (a "pair"),
 * and per account across sources. Each operation is one atomic step in the store, so that
 * parallel checks on several instances count exactly. Locks are not stored: {@link LoginGuard}
 * derives them from the counts, so that no lock can be lost between a failure and its lock.
 */
public interface LoginAttempts {

    /**
     * One account's counts from one source.
     *
     * @param failures     failed checks since the last success from this source (not reset by a lock)
     * @param inflight     checks under way
     * @param attemptedAt  when a check was last admitted, or {@code null}
     * @param lastFailedAt when a check last failed, or {@code null}
     */
    record Counts(int failures, int inflight, Instant attemptedAt, Instant lastFailedAt) {
        public static final Counts NONE = new Counts(0, 0, null, null);
    }

    /** The failures after one more, for the pair and the account. */
    record Failures(int pair, int account) {
    }

    /** Consecutive failed checks of the account from any source since its last success. */
    int accountFailures(String account);

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

    /**
     * Ends one check that failed: one more failure for the pair (noting {@code now} as its last,
     * in the same step) and for the account.
     *
     * @param known whether the account exists: the count of a name without an account is
     *              forgotten {@code keepUntil}, an account's is kept until a success or an unlock
     */
    Failures failed(String account, String source, Instant now, Instant keepUntil, boolean known);

    /** Ends one check that counts neither way. */
    void release(String account, String source);

    /**
     * Forgets every count of the account, and with them its locks: an administrator's unlock, and
     * the creation or deletion of an account of that name (whose counts are no one's business).
     */
    void unlock(String account);
}
