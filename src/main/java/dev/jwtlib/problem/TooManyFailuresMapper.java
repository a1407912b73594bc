package dev.jwtlib.problem;

import dev.jwtlib.error.TooManyFailures;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link TooManyFailures} as a {@code 429} problem with {@code Retry-After} in seconds. */
@Provider
public class TooManyFailuresMapper implements ExceptionMapper<TooManyFailures> {

    @Override
    public Response toResponse(TooManyFailures e) {
        return Problem.of("too-many-failures", "Too Many Requests", 429, e.getMessage()).response()
                .header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
    }
}
