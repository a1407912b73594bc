package dev.jwtlib.problem;

import dev.jwtlib.error.PayloadTooLarge;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link PayloadTooLarge} as a {@code 413} problem. */
@Provider
public class PayloadTooLargeMapper implements ExceptionMapper<PayloadTooLarge> {

    @Override
    public Response toResponse(PayloadTooLarge e) {
        return Problem.of("payload-too-large", "Content Too Large", 413, e.getMessage()).response().build();
    }
}
