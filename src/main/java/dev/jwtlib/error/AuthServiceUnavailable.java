package dev.jwtlib.error;

/**
 * Tokens cannot be checked or issued because something jwtlib depends on (the store, the keys,
 * or a remote auth service) is unreachable ({@code 503} with {@code Retry-After}).
 */
public class AuthServiceUnavailable extends AuthError {

    public AuthServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
