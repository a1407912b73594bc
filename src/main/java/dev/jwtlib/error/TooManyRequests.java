package dev.jwtlib.error;

/** One source address made more requests than it may ({@code 429} with {@code Retry-After}). */
public class TooManyRequests extends AuthError {

    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Problem problem() {
        return Problem.of("rate-limited", "Too Many Requests", 429, getMessage())
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
}
