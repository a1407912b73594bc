package dev.jwtlib.problem;

import dev.jwtlib.error.AuthError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every domain error ({@link AuthError} and its subtypes) as the problem it describes, with its
 * headers: one mapper, because each error says itself how it is answered (the authentication
 * mechanism answers with the same {@link AuthError#problem()}).
 */
@Provider
public class AuthErrorMapper implements ExceptionMapper<AuthError> {

    @Override
    public Response toResponse(AuthError e) {
        return ProblemResponses.of(e.problem());
    }
}
