package dev.jwtlib.error;

/** The caller is known but may not do this ({@code 403}). */
public class Forbidden extends AuthError {

    public Forbidden(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.of("forbidden", "Forbidden", 403, getMessage());
    }
}
