package dev.jwtlib.mechanism;

import com.github.benmanes.caffeine.cache.Cache;
import dev.jwtlib.error.AuthError;
import dev.jwtlib.error.Challenge;
import dev.jwtlib.error.Problem;
import dev.jwtlib.error.Unauthenticated;
import dev.jwtlib.mechanism.AuthorizationHeader.Basic;
import dev.jwtlib.mechanism.AuthorizationHeader.Bearer;
import dev.jwtlib.mechanism.AuthorizationHeader.Credentials;
import dev.jwtlib.verify.Caches;
import dev.jwtlib.verify.TokenIds;
import dev.jwtlib.verify.VerifiedToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Hashtable;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * The one authentication mechanism, in the auth service and in every application that accepts
 * its tokens: {@code Authorization: Bearer} access tokens, and nothing else (no password is ever
 * checked here; OAuth clients authenticate at the OAuth endpoints themselves). A thin
 * translator: it extracts the token, asks the identity store, and on a protected resource
 * answers a missing or bad token with a {@code 401} RFC 6750 challenge and an unreachable
 * dependency with {@code 503}. Unprotected resources (no security constraint) are not checked at
 * all. It also adds the {@link Cors} headers, to its refusals too, and answers CORS preflights of
 * protected resources (which a browser sends without credentials).
 */
@ApplicationScoped
public class JwtlibAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** At most this much of a refused request's body is read before the answer. */
    private static final long DRAIN_LIMIT = 64 * 1024;
    /**
     * Where Liberty's authentication cache looks for a caller's key (its
     * {@code AttributeNameConstants.WSCREDENTIAL_CACHE_KEY}); other servers ignore it.
     */
    private static final String SERVER_CACHE_KEY = "com.ibm.wsspi.security.cred.cacheKey";
    /** Makes the server cache keys unguessable and specific to this process. */
    private static final String CACHE_KEY_SECRET = TokenIds.random(32);

    /**
     * The server cache key of each verified token the verifier keeps (by identity, weakly): a
     * token seen again costs no digest (a tenth of the mechanism's CPU, JFR, issue 18).
     */
    private final Cache<VerifiedToken, String> serverCacheKeys = Caches.newBuilder(Clock.systemUTC()).weakKeys()
            .maximumSize(100_000).build();

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    Config config;

    private Cors cors;

    @PostConstruct
    void init() {
        cors = Cors.from(config);
    }

    Cors cors() {
        return cors;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        cors.apply(request, response);
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (cors.enabled() && Cors.isPreflight(request)) {
            cors.answerPreflight(request, response);
            return finish(request, response, null);
        }
        Optional<Credentials> credentials = AuthorizationHeader.parse(request.getHeader("Authorization"));
        if (credentials.isEmpty()) {
            return refuse(request, response, new Unauthenticated(
                    "This resource needs credentials: send an Authorization header with a Bearer access token.",
                    Challenge.bearer()));
        }
        if (!(credentials.get() instanceof Bearer bearer)) {
            return refuse(request, response, refused(credentials.get() instanceof Basic
                    ? "This resource takes a Bearer access token, not a password."
                    : "The Authorization header is malformed."));
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(new BearerTokenCredential(bearer.token()));
        } catch (AuthError e) {
            // a dependency is down (503), or the caller is throttled (429): said as such, not as a bad credential
            return refuse(request, response, e);
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            offerServerCacheKey(context, bearer, result);
            return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
        }
        return refuse(request, response, refused("The access token is invalid, expired or revoked."));
    }

    /**
     * Lets the server keep the caller it builds from this validated credential. Liberty logs
     * every caller in through JAAS again (login modules, credentials, an LTPA token) unless its
     * authentication cache finds a caller under the key offered here; that was about a third of
     * a protected request's cost. The key is a salted digest of the credential, the caller's
     * name and groups, so a cached caller never outlives what it was built from: a new token,
     * password or set of groups makes a new key. The credential is still validated first on
     * every request (revocation, lockout), so a cached caller is only reused for a credential
     * that is valid now.
     */
    private void offerServerCacheKey(HttpMessageContext context, Bearer credentials, CredentialValidationResult result) {
        var subject = context.getClientSubject();
        if (subject == null) {
            return;
        }
        String caller = result.getCallerPrincipal().getName();
        Set<String> groups = result.getCallerGroups();
        // the same verified token (the verifier's cached instance) always comes from the same token
        // string and gives the same caller and groups, so its key can be kept with it
        String key = result.getCallerPrincipal() instanceof TokenPrincipal principal
                ? serverCacheKeys.get(principal.token(), token -> serverCacheKey(credentials, caller, groups))
                : serverCacheKey(credentials, caller, groups);
        Hashtable<String, Object> hints = new Hashtable<>();
        hints.put(SERVER_CACHE_KEY, key);
        subject.getPrivateCredentials().add(hints);
    }

    /** A salted digest of the token, the caller's name and groups (package-private for tests). */
    static String serverCacheKey(Bearer bearer, String caller, Set<String> groups) {
        return "jwtlib:" + TokenIds.digest(CACHE_KEY_SECRET + "\0bearer\0" + bearer.token() + "\0" + caller + "\0"
                + String.join(",", new TreeSet<>(groups)));
    }

    /** Credentials that cannot be used here: RFC 6750's {@code invalid_token}. */
    private static AuthError refused(String detail) {
        return new Unauthenticated(detail, Challenge.invalidToken(detail));
    }

    /** Answers the request with the error's problem and headers; the resource is not called. */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, AuthError error) {
        Problem problem = error.problem();
        response.setStatus(problem.status());
        problem.headers().forEach(response::setHeader);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return finish(request, response, problem.toJson());
    }

    /**
     * Ends the exchange here: reads what is left of the request's body (bounded), writes
     * {@code body} (if any) and closes the response, so that a finished exchange is not replaced
     * by the container's error page.
     */
    private static AuthenticationStatus finish(HttpServletRequest request, HttpServletResponse response, String body) {
        try {
            drain(request);
            var writer = response.getWriter();
            if (body != null) {
                writer.write(body);
            }
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static void drain(HttpServletRequest request) throws IOException {
        var body = request.getInputStream();
        long left = DRAIN_LIMIT;
        while (left > 0) {
            long skipped = body.skip(left);
            if (skipped <= 0 && body.read() < 0) {
                return;
            }
            left -= Math.max(skipped, 1);
        }
    }
}
