package dev.jwtlib.oauth;

import dev.jwtlib.http.ClientAddresses;
import dev.jwtlib.http.RateLimited;
import dev.jwtlib.session.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code POST /oauth2/revoke} (RFC 7009): {@code 200} for any token, known or not (section 2.2).
 * A refresh token ends its login; an access token is revoked by its {@code jti} until it expires.
 * Client credentials are checked when sent ({@code invalid_client} when wrong); the first-party
 * login is a public client and sends none, the token itself being the proof.
 */
@Path("/oauth2/revoke")
@RequestScoped
public class RevocationEndpoint {

    @Inject
    ClientAuthentication authentication;
    @Inject
    SessionService sessions;
    @Inject
    ClientAddresses addresses;

    @POST
    @RateLimited
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @Context HttpServletRequest request) {
        String token = TokenEndpoint.OAuthForms.single(form, "token");
        TokenEndpoint.OAuthForms.single(form, "token_type_hint");
        if (authentication.authenticate(authorization, TokenEndpoint.OAuthForms.single(form, "client_id"),
                TokenEndpoint.OAuthForms.single(form, "client_secret"), addresses.of(request))
                instanceof ClientAuthentication.Failed failed) {
            throw OAuthError.invalidClient(failed.reason(), failed.challenge());
        }
        if (token == null || token.isEmpty()) {
            throw OAuthError.invalidRequest("token is required (RFC 7009 section 2.1).");
        }
        // tried as both: an access token is no refresh token and the other way round, so the hint
        // (section 2.1) is not needed, and an unknown one is ignored
        sessions.logout(Optional.of(token), Optional.of(token));
        return Response.ok().build();
    }

    /** Anything but a form: an OAuth error too. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response notAForm() {
        throw OAuthError.invalidRequest("The revocation request is a form: Content-Type application/x-www-form-urlencoded"
                + " (RFC 7009 section 2.1).");
    }
}
