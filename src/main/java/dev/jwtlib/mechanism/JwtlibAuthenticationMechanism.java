package dev.jwtlib.mechanism;

import dev.jwtlib.error.AuthError;
import dev.jwtlib.error.Challenge;
import dev.jwtlib.error.Problem;
import dev.jwtlib.error.Unauthenticated;
import dev.jwtlib.mechanism.AuthorizationHeader.Basic;
import dev.jwtlib.mechanism.AuthorizationHeader.Bearer;
import dev.jwtlib.mechanism.AuthorizationHeader.Credentials;
import dev.jwtlib.verify.TokenIds;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * The one authentication mechanism, in the auth service and in every application that accepts
 * its tokens: {@code Authorization: Bearer} access tokens for users, and in the auth service
 * ({@link Mode#ISSUER}) HTTP {@code Basic} for service clients on the introspection endpoint.
 * A thin translator: it extracts the credential, asks the identity stores, and on a protected
 * resource answers a missing or bad credential with a {@code 401} challenge (RFC 6750 for Bearer,
 * {@code Basic realm} on the introspection endpoint) and an unreachable dependency with {@code 503}.
 * Unprotected resources (no security constraint) are not checked at all.
 */
@ApplicationScoped
public class JwtlibAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String INTROSPECTION_PATH = "/api/auth/introspect";
    /** At most this much of a refused request's body is read before the answer. */
    private static final long DRAIN_LIMIT = 64 * 1024;
    /**
     * Where Liberty's authentication cache looks for a caller's key (its
     * {@code AttributeNameConstants.WSCREDENTIAL_CACHE_KEY}); other servers ignore it.
     */
    private static final String SERVER_CACHE_KEY = "com.ibm.wsspi.security.cred.cacheKey";
    /** Makes the server cache keys unguessable and specific to this process. */
    private static final String CACHE_KEY_SECRET = TokenIds.random(32);

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    Config config;

    private boolean issuer;

    @PostConstruct
    void init() {
        issuer = Mode.from(config) == Mode.ISSUER;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        Optional<Credentials> credentials = AuthorizationHeader.parse(request.getHeader("Authorization"));
        if (credentials.isEmpty()) {
            return refuse(request, response, new Unauthenticated(
                    "This resource needs credentials: send an Authorization header.",
                    isIntrospection(request) ? Challenge.basic() : Challenge.bearer()));
        }
        Credential credential;
        if (credentials.get() instanceof Bearer bearer) {
            credential = new BearerTokenCredential(bearer.token());
        } else if (credentials.get() instanceof Basic basic && isIntrospection(request)) {
            credential = new UsernamePasswordCredential(basic.username(), basic.password());
        } else if (credentials.get() instanceof Basic) {
            // Passwords are taken only where RFC 7662 asks for client authentication, so they
            // cannot be guessed through every protected URL.
            return refuse(request, response, refused(request, "This resource takes a Bearer access token."));
        } else {
            return refuse(request, response, refused(request, "The Authorization header is malformed."));
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(credential);
        } catch (AuthError e) {
            // a dependency is down (503), or the caller is throttled (429): said as such, not as a bad credential
            return refuse(request, response, e);
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            offerServerCacheKey(context, credentials.get(), result);
            return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
        }
        return refuse(request, response, refused(request, credential instanceof BearerTokenCredential
                ? "The access token is invalid, expired or revoked." : "The username or password is incorrect."));
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
    private static void offerServerCacheKey(HttpMessageContext context, Credentials credentials,
                                            CredentialValidationResult result) {
        var subject = context.getClientSubject();
        if (subject == null) {
            return;
        }
        Hashtable<String, Object> hints = new Hashtable<>();
        hints.put(SERVER_CACHE_KEY, serverCacheKey(credentials, result.getCallerPrincipal().getName(),
                result.getCallerGroups()));
        subject.getPrivateCredentials().add(hints);
    }

    /** A salted digest of the credential, the caller's name and groups (package-private for tests). */
    static String serverCacheKey(Credentials credentials, String caller, Set<String> groups) {
        String credential;
        if (credentials instanceof Bearer bearer) {
            credential = "bearer\0" + bearer.token();
        } else if (credentials instanceof Basic basic) {
            credential = "basic\0" + basic.username() + "\0" + basic.password();
        } else {
            throw new IllegalArgumentException("only a validated Bearer or Basic credential has a key");
        }
        return "jwtlib:" + TokenIds.digest(CACHE_KEY_SECRET + "\0" + credential + "\0" + caller + "\0"
                + String.join(",", new TreeSet<>(groups)));
    }

    /** The auth service's introspection endpoint, the one place that takes Basic credentials. */
    private boolean isIntrospection(HttpServletRequest request) {
        if (!issuer) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(INTROSPECTION_PATH) || path.startsWith(INTROSPECTION_PATH + "/");
    }

    /** Credentials that cannot be used here: Basic's challenge on introspection, else RFC 6750's {@code invalid_token}. */
    private AuthError refused(HttpServletRequest request, String detail) {
        return new Unauthenticated(detail, isIntrospection(request) ? Challenge.basic() : Challenge.invalidToken(detail));
    }

    /** Answers the request with the error's problem and headers; the resource is not called. */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, AuthError error) {
        Problem problem = error.problem();
        response.setStatus(problem.status());
        problem.headers().forEach(response::setHeader);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            // Read what is left of a refused request's body (bounded) and close the response:
            // a finished exchange is not replaced by the container's error page.
            drain(request);
            var writer = response.getWriter();
            writer.write(problem.toJson());
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
