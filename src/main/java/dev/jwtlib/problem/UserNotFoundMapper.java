package dev.jwtlib.problem;

import dev.jwtlib.error.UserNotFound;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link UserNotFound} as a {@code 404} problem. */
@Provider
public class UserNotFoundMapper implements ExceptionMapper<UserNotFound> {

    @Override
    public Response toResponse(UserNotFound e) {
        return Problem.of("user-not-found", "Not Found", 404, e.getMessage()).response().build();
    }
}
