package dev.jwtlib.error;

/** No user has the given username ({@code 404}). */
public class UserNotFound extends AuthError {

    public UserNotFound(String username) {
        super("No user is named '" + username + "'.");
    }

    @Override
    public Problem problem() {
        return Problem.of("user-not-found", "Not Found", 404, getMessage());
    }
}
