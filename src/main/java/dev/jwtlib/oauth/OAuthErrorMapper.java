package dev.jwtlib.oauth;

import dev.jwtlib.error.Challenge;
import dev.jwtlib.http.NoStore;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link OAuthError} as RFC 6749 section 5.2 says, never cached. */
@Provider
public class OAuthErrorMapper implements ExceptionMapper<OAuthError> {

    /** The body of an OAuth error. */
    public record Body(@JsonbProperty("error") String error, @JsonbProperty("error_description") String description) {
    }

    @Override
    public Response toResponse(OAuthError e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Body(e.error(), e.getMessage())).cacheControl(NoStore.cacheControl()).header("Pragma", "no-cache");
        if (e.challenge() != null) {
            response.header(Challenge.HEADER, e.challenge());
        }
        return response.build();
    }
}
