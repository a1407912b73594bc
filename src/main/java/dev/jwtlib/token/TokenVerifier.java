package dev.jwtlib.token;

import dev.jwtlib.error.InvalidToken;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.json.JsonString;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks an access token's signature and claims with SmallRye JWT and an explicit
 * {@link JWTAuthContextInfo}: one pinned algorithm, only keys the ring holds, required
 * {@code iss, sub, exp, iat, jti}, {@code aud} when configured, at most 60 s clock skew.
 * Revocation is not checked here; see {@link AccessTokens}.
 */
public final class TokenVerifier {

    /** Longer tokens are refused before any parsing. */
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final TokenSettings settings;
    private final Function<String, Optional<PublicKey>> keys;
    private final Map<String, JWTParser> parsers = new ConcurrentHashMap<>();

    /**
     * @param keys the verification key for a {@code kid}, or empty when the kid is unknown
     */
    public TokenVerifier(TokenSettings settings, Function<String, Optional<PublicKey>> keys) {
        this.settings = settings;
        this.keys = keys;
    }

    /**
     * @throws InvalidToken when the token is malformed or refused; the message says why
     */
    public VerifiedToken verify(String token) {
        JoseHeader header = checkShape(token, settings.algorithm());
        PublicKey key = keys.apply(header.kid())
                .orElseThrow(() -> InvalidToken.rejected("The token was signed with an unknown key."));
        if (!settings.algorithm().accepts(key)) {
            throw InvalidToken.rejected("The token's key is too weak or of the wrong type.");
        }
        JsonWebToken jwt;
        try {
            jwt = parsers.computeIfAbsent(header.kid(), kid -> new DefaultJWTParser(contextFor(key))).parse(token);
        } catch (ParseException e) {
            throw InvalidToken.rejected("The token signature or claims are not valid.", e);
        }
        Object sid = jwt.getClaim(AccessTokenClaims.SESSION_ID);
        return new VerifiedToken(jwt.getSubject(), jwt.getName(), jwt.getGroups(), jwt.getIssuer(),
                Instant.ofEpochSecond(jwt.getIssuedAtTime()), Instant.ofEpochSecond(jwt.getExpirationTime()),
                jwt.getTokenID(), sessionId(sid));
    }

    /**
     * The checks that need no key: a JWS compact token of sane length whose header names
     * {@code algorithm} and a {@code kid} and no key of its own. Refuses garbage before anything
     * costly (a signature check, a call to the auth service).
     *
     * @throws InvalidToken when the token fails them
     */
    public static void precheck(String token, TokenAlgorithm algorithm) {
        checkShape(token, algorithm);
    }

    private static JoseHeader checkShape(String token, TokenAlgorithm algorithm) {
        if (token == null || token.isEmpty()) {
            throw InvalidToken.malformed("The token is empty.");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw InvalidToken.malformed("The token is too long.");
        }
        JoseHeader header = JoseHeader.parse(token);
        if (!algorithm.jwsName().equals(header.alg())) {
            throw InvalidToken.rejected("The token algorithm is not accepted.");
        }
        return header;
    }

    private static String sessionId(Object claim) {
        if (claim instanceof JsonString text) {
            return text.getString();
        }
        return claim instanceof String text ? text : null;
    }

    private JWTAuthContextInfo contextFor(PublicKey key) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(key, settings.issuer());
        context.setSignatureAlgorithm(Set.of(settings.algorithm().smallrye()));
        context.setRequiredClaims(Set.of("iss", "sub", "exp", "iat", "jti"));
        context.setClockSkew((int) TokenSettings.CLOCK_SKEW.toSeconds());
        context.setExpGracePeriodSecs((int) TokenSettings.CLOCK_SKEW.toSeconds());
        context.setMaxTimeToLiveSecs(settings.ttl().toSeconds());
        context.setRelaxVerificationKeyValidation(false);
        settings.audience().ifPresent(aud -> context.setExpectedAudience(Set.of(aud)));
        return context;
    }
}
