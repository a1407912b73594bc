package dev.jwtlib.problem;

import dev.jwtlib.error.AuthServiceUnavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link AuthServiceUnavailable} as a {@code 503} problem. */
@Provider
public class AuthServiceUnavailableMapper implements ExceptionMapper<AuthServiceUnavailable> {

    @Override
    public Response toResponse(AuthServiceUnavailable e) {
        return Problem.of("auth-service-unavailable", "Service Unavailable", 503, e.getMessage()).response().header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
    }
}
