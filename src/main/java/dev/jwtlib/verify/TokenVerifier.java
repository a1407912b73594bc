package dev.jwtlib.verify;

import dev.jwtlib.error.InvalidToken;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Checks an access token's signature and claims with SmallRye JWT and an explicit
 * {@link JWTAuthContextInfo}: one pinned algorithm, only keys the ring holds, required
 * {@code iss, sub, exp, iat, jti}, {@code aud} when configured, at most 60 s clock skew.
 * Revocation is not checked here: that is the caller's (the auth service's revocation list).
 *
 * <p>It uses SmallRye's token parser (every check above) and reads the verified claims itself,
 * rather than SmallRye's {@code JWTParser}, which also builds an MP-JWT principal by converting
 * every claim to JSON-P: about 20 µs a token, more than half an RS256 signature check.
 */
public final class TokenVerifier {

    /** Longer tokens are refused before any parsing. */
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final TokenSettings settings;
    private final Function<String, Optional<PublicKey>> keys;
    private final Clock clock;
    private final Map<String, Parser> parsers = new ConcurrentHashMap<>();

    /** SmallRye's parser keeps the key resolver it builds for a context: one pair per key. */
    private record Parser(PublicKey key, DefaultJWTTokenParser parser, JWTAuthContextInfo context) {
    }

    /**
     * @param keys the verification key for a {@code kid}, or empty when the kid is unknown
     */
    public TokenVerifier(TokenSettings settings, Function<String, Optional<PublicKey>> keys, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @throws InvalidToken when the token is malformed or refused; the message says why
     */
    public VerifiedToken verify(String token) {
        JoseHeader header = checkShape(token, settings.algorithm());
        Optional<PublicKey> found = keys.apply(header.kid());
        if (found.isEmpty()) {
            parsers.remove(header.kid()); // no longer published: what was built for it goes
            throw InvalidToken.rejected("The token was signed with an unknown key.");
        }
        PublicKey key = found.get();
        // the kid's key may have changed (keys regenerated): a parser is kept for one key only
        Parser parser = parsers.compute(header.kid(), (kid, kept) -> kept != null && kept.key().equals(key) ? kept
                : new Parser(checkKey(key, settings.algorithm()), new DefaultJWTTokenParser(), contextFor(key)));
        if (header.signatureLength() != settings.algorithm().signatureLength(key)) {
            throw InvalidToken.rejected("The token signature has the wrong length.");
        }
        try {
            JwtClaims claims = parser.parser().parse(token, parser.context()).getJwtClaims();
            if (claims.getSubject() == null || claims.getJwtId() == null) {
                throw InvalidToken.rejected("The token signature or claims are not valid.");
            }
            Instant expiresAt = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            if (!clock.instant().isBefore(expiresAt.plus(TokenSettings.CLOCK_SKEW))) {
                // SmallRye checks exp against the system clock; this is the configured clock
                throw InvalidToken.rejected("The token has expired.");
            }
            return new VerifiedToken(claims.getSubject(), name(claims), groups(claims), claims.getIssuer(),
                    Instant.ofEpochSecond(claims.getIssuedAt().getValue()), expiresAt, claims.getJwtId(),
                    claims.getClaimValue(VerifiedToken.SESSION_ID_CLAIM) instanceof String sid ? sid : null,
                    claims.getClaimValue(VerifiedToken.CLIENT_ID_CLAIM) instanceof String client ? client : null,
                    amr(claims));
        } catch (InvalidToken e) {
            throw e;
        } catch (ParseException | MalformedClaimException | RuntimeException e) {
            // RuntimeException: whatever else a library throws for a token it did not expect
            throw InvalidToken.rejected("The token signature or claims are not valid.", e);
        }
    }

    /** As MP-JWT's {@code getName()}: {@code upn}, else {@code preferred_username}, else {@code sub}. */
    private static String name(JwtClaims claims) throws MalformedClaimException {
        for (String claim : List.of("upn", "preferred_username")) {
            String value = claims.getStringClaimValue(claim);
            if (value != null) {
                return value;
            }
        }
        return claims.getSubject();
    }

    /** RFC 8176 {@code amr}: a list of strings, or nothing (a malformed one fails the token). */
    private static List<String> amr(JwtClaims claims) throws MalformedClaimException {
        if (!claims.hasClaim("amr")) {
            return List.of();
        }
        List<String> amr = claims.getStringListClaimValue("amr");
        if (amr == null || amr.stream().anyMatch(java.util.Objects::isNull)) {
            throw new MalformedClaimException("amr holds a null");
        }
        return amr;
    }

    private static Set<String> groups(JwtClaims claims) throws MalformedClaimException {
        List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
        if (groups == null || groups.contains(null)) {
            throw new MalformedClaimException("groups holds a null");
        }
        return Set.copyOf(groups);
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

    /**
     * The key fits the algorithm (type, curve, strength, a sane point or exponent); checked once
     * per key, when its parser is built.
     *
     * @return the key
     */
    static PublicKey checkKey(PublicKey key, TokenAlgorithm algorithm) {
        if (!algorithm.accepts(key)) {
            throw InvalidToken.rejected("The token's key is too weak or of the wrong type.");
        }
        return key;
    }

    static JoseHeader checkShape(String token, TokenAlgorithm algorithm) {
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

    private JWTAuthContextInfo contextFor(PublicKey key) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(key, settings.issuer());
        context.setSignatureAlgorithm(Set.of(settings.algorithm().smallrye()));
        context.setRequiredClaims(Set.of("iss", "sub", "exp", "iat", "jti", "groups"));
        context.setClockSkew((int) TokenSettings.CLOCK_SKEW.toSeconds());
        context.setExpGracePeriodSecs((int) TokenSettings.CLOCK_SKEW.toSeconds());
        context.setMaxTimeToLiveSecs(settings.ttl().toSeconds());
        context.setRelaxVerificationKeyValidation(false);
        settings.audience().ifPresent(aud -> context.setExpectedAudience(Set.of(aud)));
        return context;
    }
}
