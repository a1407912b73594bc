package dev.jwtlib.problem;

import dev.jwtlib.error.Conflict;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link Conflict} as a {@code 409} problem. */
@Provider
public class ConflictMapper implements ExceptionMapper<Conflict> {

    @Override
    public Response toResponse(Conflict e) {
        return Problem.of("conflict", "Conflict", 409, e.getMessage()).response().build();
    }
}
