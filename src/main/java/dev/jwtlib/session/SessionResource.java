package dev.jwtlib.session;

import java.util.Map;
import jakarta.json.JsonBuilderFactory;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.BadCredentials;
import dev.jwtlib.error.TooManyFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.http.JsonBody;
import dev.jwtlib.mechanism.AuthorizationHeader;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;

/** {@code /api/auth/login}, {@code /api/auth/refresh} and {@code /api/auth/logout}. */
@Path("/api/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** One factory, not a provider lookup (a ServiceLoader scan) per call of {@code Json.createObjectBuilder}. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Inject
    SessionService sessions;
    @Inject
    LoginAdmission admission;
    @Inject
    SecurityEvents events;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public void login(InputStream body, @Context HttpServletRequest request, @Suspended AsyncResponse response) {
        JsonBody json = JsonBody.read(body);
        String username = json.requiredString("username");
        String password = json.requiredString("password");
        json.requireValid();
        // the login runs on another thread: the caller's address is taken here, for the audit line
        String source = request.getRemoteAddr();
        String name = username.length() > 64 ? username.substring(0, 64) : username;
        admission.submit(response, () -> {
            try {
                LoginResponse pair = sessions.login(username, password);
                events.login(pair.user().username(), "success", source);
                return tokens(pair);
            } catch (BadCredentials e) {
                events.login(name, "bad_credentials", source);
                throw e;
            } catch (TooManyFailures e) {
                events.login(name, e.locked() ? "locked" : "throttled", source);
                throw e;
            }
        }, () -> events.login(name, "throttled", source));
    }

    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refresh(InputStream body) {
        JsonBody json = JsonBody.read(body);
        String refreshToken = json.requiredString("refresh_token");
        json.requireValid();
        return tokens(sessions.refresh(refreshToken));
    }

    /**
     * Always {@code 200}: a bad or missing token, or a body that is not the expected JSON,
     * simply revokes nothing.
     */
    @POST
    @Path("logout")
    public JsonObject logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body) {
        Optional<String> refreshToken;
        try {
            refreshToken = JsonBody.readOptional(body).flatMap(json -> json.optionalString("refresh_token"));
        } catch (InvalidInput e) {
            refreshToken = Optional.empty();
        }
        sessions.logout(AuthorizationHeader.bearerToken(authorization), refreshToken);
        return JSON.createObjectBuilder().add("message", "Logged out.").build();
    }

    /** Token responses must not be stored by caches (RFC 6749 section 5.1). */
    private static Response tokens(LoginResponse pair) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(pair).cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
