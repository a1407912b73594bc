package dev.jwtlib.introspection;

import dev.jwtlib.account.Roles;
import dev.jwtlib.error.Challenge;
import dev.jwtlib.error.Forbidden;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.error.Unauthenticated;
import dev.jwtlib.http.ClientAddresses;
import dev.jwtlib.mechanism.AuthorizationHeader;
import dev.jwtlib.oauth.ClientAuthentication;
import dev.jwtlib.token.AccessTokens;
import dev.jwtlib.verify.VerifiedToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/auth/introspect} (RFC 7662): the caller authenticates as a client with the
 * role {@code service} (section 2.1): {@code client_secret_basic}, {@code client_secret_post}, or
 * a Bearer access token it got with {@code client_credentials} (any access token with the role
 * {@code service}). The token comes as the form parameter {@code token} (section 2.1) or as JSON
 * {@code {"token": …}}. An unauthenticated caller gets {@code 401}, one without the role {@code 403}.
 */
@Path("/api/auth/introspect")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IntrospectionResource {

    @Inject
    Introspector introspector;
    @Inject
    ClientAuthentication clients;
    @Inject
    AccessTokens accessTokens;
    @Inject
    ClientAddresses addresses;
    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public IntrospectResponse form(MultivaluedMap<String, String> form,
                                   @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireCaller(authorization, single(form, "client_id"), single(form, "client_secret"));
        return introspect(single(form, "token"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public IntrospectResponse json(IntrospectRequest body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireCaller(authorization, null, null);
        return introspect(body.token());
    }

    private IntrospectResponse introspect(String token) {
        if (token == null || token.isEmpty()) {
            throw new InvalidInput("token", "is required (RFC 7662 section 2.1)");
        }
        return introspector.introspect(token);
    }

    /**
     * @throws Unauthenticated when the caller is not an authenticated client ({@code 401})
     * @throws Forbidden       when it is one without the role {@code service} ({@code 403})
     */
    private void requireCaller(String authorization, String clientId, String clientSecret) {
        Optional<String> bearer = AuthorizationHeader.bearerToken(authorization);
        Set<String> roles;
        if (bearer.isPresent()) {
            try {
                VerifiedToken token = accessTokens.verify(bearer.get());
                roles = token.groups();
            } catch (InvalidToken e) {
                throw new Unauthenticated("The access token is invalid, expired or revoked.", Challenge.invalidToken(
                        "The access token is invalid, expired or revoked."));
            }
        } else {
            ClientAuthentication.Result result = clients.authenticate(authorization, clientId, clientSecret,
                    addresses.of(request));
            if (result instanceof ClientAuthentication.Authenticated authenticated) {
                roles = authenticated.client().roleSet();
            } else if (result instanceof ClientAuthentication.Failed failed) {
                throw new Unauthenticated(failed.reason(), failed.challenge());
            } else {
                throw new Unauthenticated("Introspection is for clients: authenticate with client_secret_basic, "
                        + "client_secret_post or a Bearer access token (RFC 7662 section 2.1).", Challenge.basic());
            }
        }
        if (!roles.contains(Roles.SERVICE)) {
            throw new Forbidden("Introspection is for clients with the role 'service'.");
        }
    }

    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values != null && values.size() > 1) {
            throw new InvalidInput(name, "is given more than once");
        }
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
