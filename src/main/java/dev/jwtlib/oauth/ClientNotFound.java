package dev.jwtlib.oauth;

import dev.jwtlib.error.AuthError;
import dev.jwtlib.error.Problem;

/** No client has the given id ({@code 404}). */
public class ClientNotFound extends AuthError {

    public ClientNotFound(String clientId) {
        super("No client has the id '" + clientId + "'.");
    }

    @Override
    public Problem problem() {
        return Problem.of("client-not-found", "Not Found", 404, getMessage());
    }
}
