package dev.jwtlib.problem;

import dev.jwtlib.error.InvalidInput;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link InvalidInput} as a {@code 400} problem listing each field error. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

    @Override
    public Response toResponse(InvalidInput e) {
        return Problem.of("invalid-input", "Bad Request", 400, e.getMessage()).withErrors(e.errors()).response().build();
    }
}
