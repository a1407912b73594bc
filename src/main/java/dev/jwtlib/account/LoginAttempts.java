package dev.jwtlib.account;

import java.time.Instant;

/**
 * Password-check counts per name, shared by every instance: each operation is one atomic step
 * in the store, so that parallel checks on several instances count exactly.
 */
public interface LoginAttempts {

    /**
     * A name's counts.
     *
     * @param failures    consecutive failed checks
     * @param inflight    checks under way
     * @param attemptedAt when a check was last admitted, or {@code null}
     * @param lockedUntil until when the name is locked, or {@code null}
     */
    record Counts(int failures, int inflight, Instant attemptedAt, Instant lockedUntil) {
        public static final Counts NONE = new Counts(0, 0, null, null);
    }

    /**
     * Counts one more check under way and notes {@code now} as the last attempt.
     *
     * @param keepUntil how long the entry must be kept at least
     * @return the counts as they were before (all zero for a name never seen)
     */
    Counts admit(String name, Instant now, Instant keepUntil);

    /** Sets the checks under way, forgetting lost ones (an instance stopped mid-check). */
    void resetInflight(String name, int inflight);

    /** Ends one check that succeeded: the failures start afresh. */
    void succeeded(String name);

    /**
     * Ends one check that failed: one more failure.
     *
     * @return the failures after this one
     */
    int failed(String name);

    /**
     * Locks the name until {@code until} and clears its failures, if it has at least {@code limit}
     * failures now.
     *
     * @return whether this call locked it (of parallel calls, one does)
     */
    boolean lockIfAtLeast(String name, int limit, Instant until, Instant keepUntil);

    /** Ends one check that counts neither way. */
    void release(String name);
}
