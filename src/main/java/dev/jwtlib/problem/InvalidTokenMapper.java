package dev.jwtlib.problem;

import dev.jwtlib.error.InvalidToken;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link InvalidToken} as a {@code 401} problem with an RFC 6750 {@code invalid_token} challenge. */
@Provider
public class InvalidTokenMapper implements ExceptionMapper<InvalidToken> {

    @Override
    public Response toResponse(InvalidToken e) {
        return Problem.of("invalid-token", "Unauthorized", 401, e.getMessage()).response()
                .header("WWW-Authenticate", "Bearer realm=\"jwtlib\", error=\"invalid_token\", error_description=\""
                        + e.getMessage() + "\"")
                .build();
    }
}
