package dev.jwtlib.oauth;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.Challenge;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.http.ClientAddresses;
import dev.jwtlib.http.NoStore;
import dev.jwtlib.http.RateLimited;
import dev.jwtlib.session.LoginResponse;
import dev.jwtlib.session.SessionService;
import dev.jwtlib.token.IssuedToken;
import dev.jwtlib.token.TokenIssuer;
import dev.jwtlib.token.TokenSubject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code POST /oauth2/token} (RFC 6749 section 3.2), form parameters only:
 * <ul>
 *   <li>{@code client_credentials} (section 4.4): a client, authenticated, gets a token of its
 *       own ({@code sub} and {@code client_id} its id, {@code groups} its roles), no refresh token;</li>
 *   <li>{@code refresh_token} (section 6): the refresh token of a login (the first-party login is
 *       a public client: no client authentication), single use with reuse detection as
 *       {@code /api/auth/refresh}, and the same answer.</li>
 * </ul>
 * Every other grant, the password grant included (RFC 9700 section 2.4), is
 * {@code unsupported_grant_type}. Errors are RFC 6749 section 5.2 JSON, never cached.
 */
@Path("/oauth2/token")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenEndpoint {

    /** The answer of {@code client_credentials} (RFC 6749 section 5.1). */
    @JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn"})
    public record ClientToken(@JsonbProperty("access_token") String accessToken, @JsonbProperty("token_type") String tokenType,
                              @JsonbProperty("expires_in") long expiresIn) {
    }

    @Inject
    ClientAuthentication authentication;
    @Inject
    SessionService sessions;
    @Inject
    TokenIssuer issuer;
    @Inject
    ClientAddresses addresses;
    @Inject
    SecurityEvents events;

    @POST
    @RateLimited
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @Context HttpServletRequest request) {
        String grant = OAuthForms.single(form, "grant_type");
        if (grant == null) {
            throw OAuthError.invalidRequest("grant_type is required (RFC 6749 section 4).");
        }
        // a client about to get a token of its own is read from the store now, not from the
        // last few seconds: a secret replaced on another instance must not mint one
        ClientAuthentication.Result client = authentication.authenticate(authorization,
                OAuthForms.single(form, "client_id"), OAuthForms.single(form, "client_secret"), addresses.of(request),
                "client_credentials".equals(grant));
        if (client instanceof ClientAuthentication.Failed failed) {
            throw OAuthError.invalidClient(failed.reason(), failed.challenge());
        }
        return switch (grant) {
            case "client_credentials" -> clientCredentials(client);
            case "refresh_token" -> refresh(client, OAuthForms.single(form, "refresh_token"));
            default -> throw OAuthError.unsupportedGrantType("Only client_credentials and refresh_token are granted here.");
        };
    }

    /** Anything but a form: an OAuth error too, so that an OAuth client can read it. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response notAForm() {
        throw OAuthError.invalidRequest("The token request is a form: Content-Type application/x-www-form-urlencoded"
                + " (RFC 6749 section 4).");
    }

    private Response clientCredentials(ClientAuthentication.Result result) {
        if (!(result instanceof ClientAuthentication.Authenticated authenticated)) {
            throw OAuthError.invalidClient("client_credentials needs client authentication (client_secret_basic or "
                    + "client_secret_post).", Challenge.basic());
        }
        OAuthClient client = authenticated.client();
        IssuedToken token = issuer.issue(TokenSubject.client(client.clientId(), client.roleSet()), null);
        events.clientToken(client.clientId());
        long expiresIn = token.expiresAt().getEpochSecond() - token.issuedAt().getEpochSecond();
        return noStore(new ClientToken(token.token(), "Bearer", expiresIn));
    }

    private Response refresh(ClientAuthentication.Result client, String refreshToken) {
        if (refreshToken == null || refreshToken.isEmpty()) {
            throw OAuthError.invalidRequest("refresh_token is required (RFC 6749 section 6).");
        }
        if (client instanceof ClientAuthentication.Authenticated) {
            throw OAuthError.invalidGrant("Refresh tokens are issued to the first-party login, not to this client.");
        }
        LoginResponse pair;
        try {
            pair = sessions.refresh(refreshToken);
        } catch (InvalidToken e) {
            throw OAuthError.invalidGrant("The refresh token is not valid.");
        }
        return noStore(pair);
    }

    /** Token responses must not be stored by caches (RFC 6749 section 5.1). */
    static Response noStore(Object entity) {
        return Response.ok(entity).cacheControl(NoStore.cacheControl()).header("Pragma", "no-cache").build();
    }

    /** The form parameters of an OAuth request. */
    static final class OAuthForms {

        private OAuthForms() {
        }

        /**
         * The one value of a parameter, or {@code null} when absent.
         *
         * @throws OAuthError when it is there more than once (RFC 6749 section 3.2)
         */
        static String single(MultivaluedMap<String, String> form, String name) {
            List<String> values = form.get(name);
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                throw OAuthError.invalidRequest(name + " is given more than once.");
            }
            return values.get(0);
        }
    }
}
