package dev.jwtlib.error;

/** The request would create a second user with a taken username or email, or a second client with a taken id ({@code 409}). */
public class Conflict extends AuthError {

    public Conflict(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.of("conflict", "Conflict", 409, getMessage());
    }
}
