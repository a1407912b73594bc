package dev.jwtlib.error;

import java.time.Duration;

/**
 * The account is locked after too many consecutive failed logins ({@code 429} with
 * {@code Retry-After}); it answers so even to the right password until the lockout ends. Also
 * for a moment when more password checks for one account are under way at once than it has
 * failures left.
 */
public class TooManyFailures extends AuthError {

    private final Duration retryAfter;
    private final boolean locked;

    /** The account is locked for {@code retryAfter}. */
    public TooManyFailures(Duration retryAfter) {
        this("Too many failed logins for this account; try again later.", retryAfter, true);
    }

    /**
     * @param locked whether the account is locked, or only too busy for a moment
     */
    public TooManyFailures(String message, Duration retryAfter, boolean locked) {
        super(message);
        this.retryAfter = retryAfter;
        this.locked = locked;
    }

    /** Whether the account is locked (else only throttled for a moment). */
    public boolean locked() {
        return locked;
    }

    /** Whole seconds until the lockout ends, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public Problem problem() {
        return Problem.of("too-many-failures", "Too Many Requests", 429, getMessage())
                .withHeader("Retry-After", Long.toString(retryAfterSeconds()));
    }
}
