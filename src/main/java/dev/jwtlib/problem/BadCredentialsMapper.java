package dev.jwtlib.problem;

import dev.jwtlib.error.BadCredentials;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link BadCredentials} as a {@code 401} problem. */
@Provider
public class BadCredentialsMapper implements ExceptionMapper<BadCredentials> {

    @Override
    public Response toResponse(BadCredentials e) {
        return Problem.of("invalid-credentials", "Unauthorized", 401, e.getMessage()).response().header("WWW-Authenticate", "Bearer realm=\"jwtlib\"").build();
    }
}
