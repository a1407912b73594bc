package dev.jwtlib.error;

/**
 * A login with a wrong username or password, or for an inactive account; one message for all,
 * so that the answer does not tell which ({@code 401}).
 */
public class BadCredentials extends AuthError {

    public BadCredentials() {
        super("The username or password is incorrect.");
    }

    /** A wrong credential of another kind (a password confirming a change, a second-factor code). */
    public BadCredentials(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.of("invalid-credentials", "Unauthorized", 401, getMessage())
                .withHeader(Challenge.HEADER, Challenge.bearer());
    }
}
