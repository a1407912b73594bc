package dev.jwtlib.error;

/**
 * The root of jwtlib's domain errors (the Python library's {@code AuthError}). Each subtype has
 * its own {@code ExceptionMapper} that turns it into an RFC 9457 problem; the message is safe to
 * show to a client and never holds a password or a token.
 */
public abstract class AuthError extends RuntimeException {

    protected AuthError(String message) {
        super(message);
    }

    protected AuthError(String message, Throwable cause) {
        super(message, cause);
    }

    /** How this error is answered over HTTP. */
    public abstract Problem problem();
}
