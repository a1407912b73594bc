package dev.jwtlib.session;

import dev.jwtlib.account.AccountService;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.BadCredentials;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.error.TooManyFailures;
import dev.jwtlib.http.ClientAddresses;
import dev.jwtlib.http.JsonRequests;
import dev.jwtlib.http.NoStore;
import dev.jwtlib.http.RateLimited;
import dev.jwtlib.lifecycle.EmailNotVerified;
import dev.jwtlib.mechanism.AuthorizationHeader;
import dev.jwtlib.password.HashAdmission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** {@code /api/auth/login}, {@code /api/auth/refresh} and {@code /api/auth/logout}. */
@Path("/api/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final LogoutResponse LOGGED_OUT = new LogoutResponse("Logged out.");

    @Inject
    SessionService sessions;
    @Inject
    HashAdmission admission;
    @Inject
    SecurityEvents events;
    @Inject
    ClientAddresses addresses;

    @POST
    @Path("login")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    public void login(LoginRequest login, @Context HttpServletRequest request, @Suspended AsyncResponse response) {
        String username = login.username();
        String password = login.password();
        AccountService.checkCredentials(username, password);
        // the login runs on another thread: the caller's address is taken here
        String source = addresses.of(request);
        String limitKey = ClientAddresses.limitKey(source);
        String name = username.length() > 64 ? username.substring(0, 64) : username;
        admission.submit(response, limitKey, () -> {
            try {
                LoginResult result = sessions.login(username, password, limitKey);
                if (result instanceof LoginResponse pair) {
                    events.login(pair.user().username(), "success", source);
                    return tokens(pair);
                }
                events.login(name, "mfa_required", source);
                return Response.ok(result).cacheControl(NoStore.cacheControl()).header("Pragma", "no-cache").build();
            } catch (BadCredentials e) {
                events.login(name, "bad_credentials", source);
                throw e;
            } catch (TooManyFailures e) {
                events.login(name, e.locked() ? "locked" : "throttled", source);
                throw e;
            } catch (EmailNotVerified e) {
                events.login(name, "email_not_verified", source);
                throw e;
            }
        }, () -> events.login(name, "throttled", source));
    }

    /**
     * The second step of a login with a second factor: the {@code mfa_token} of the first step
     * and a TOTP or recovery code. No hash, so it runs on the request thread.
     */
    @POST
    @Path("login/mfa")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    public Response loginSecondStep(MfaLoginRequest request, @Context HttpServletRequest http) {
        if (request.mfaToken() == null || request.mfaToken().isEmpty() || request.mfaToken().length() > 256) {
            throw new InvalidInput("mfa_token", "is required: the mfa_token of the login's answer");
        }
        if (request.code() == null || request.code().isEmpty() || request.code().length() > 64) {
            throw new InvalidInput("code", "is required: the 6 digits of the authenticator app, or a recovery code");
        }
        String source = addresses.of(http);
        try {
            LoginResponse pair = sessions.completeLogin(request.mfaToken(), request.code(), ClientAddresses.limitKey(source));
            events.login(pair.user().username(), "success", source);
            return tokens(pair);
        } catch (BadCredentials e) {
            events.login(null, "bad_second_factor", source);
            throw e;
        } catch (TooManyFailures e) {
            events.login(null, e.locked() ? "locked" : "throttled", source);
            throw e;
        }
    }

    @POST
    @Path("refresh")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refresh(RefreshRequest request) {
        return tokens(sessions.refresh(request.refreshToken()));
    }

    /**
     * Always {@code 200}: a bad or missing token, or a body that is not the expected JSON,
     * simply revokes nothing.
     */
    @POST
    @Path("logout")
    @RateLimited
    public LogoutResponse logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body)
            throws IOException {
        Optional<String> refreshToken;
        try {
            refreshToken = Optional.ofNullable(JsonRequests.read(body.readAllBytes(), LogoutRequest.class).refreshToken());
        } catch (InvalidInput e) {
            refreshToken = Optional.empty();
        }
        sessions.logout(AuthorizationHeader.bearerToken(authorization), refreshToken);
        return LOGGED_OUT;
    }

    /** Token responses must not be stored by caches (RFC 6749 section 5.1). */
    private static Response tokens(LoginResponse pair) {
        return Response.ok(pair).cacheControl(NoStore.cacheControl()).header("Pragma", "no-cache").build();
    }
}
