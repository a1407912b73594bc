package dev.jwtlib.error;

/**
 * Tokens cannot be checked or issued because something jwtlib depends on (the store, the keys,
 * or a remote auth service) is unreachable ({@code 503} with {@code Retry-After}).
 */
public class AuthServiceUnavailable extends AuthError {

    private final long retryAfterSeconds;

    public AuthServiceUnavailable(String message, Throwable cause) {
        this(message, cause, 5);
    }

    /**
     * @param retryAfterSeconds what {@code Retry-After} tells the client
     */
    public AuthServiceUnavailable(String message, Throwable cause, long retryAfterSeconds) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Problem problem() {
        return Problem.of("auth-service-unavailable", "Service Unavailable", 503, getMessage())
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
}
