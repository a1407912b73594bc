package dev.jwtlib.token;

import dev.jwtlib.verify.TokenIds;
import dev.jwtlib.verify.TokenSettings;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Signs access tokens with the key ring's current key (SmallRye JWT build). */
@ApplicationScoped
public class TokenIssuer {

    private KeyRing keys;
    private TokenSettings settings;
    private RevocationList revocations;
    private Clock clock;

    @Inject
    public TokenIssuer(KeyRing keys, TokenSettings settings, RevocationList revocations, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    TokenIssuer() {
    }

    /**
     * Issues an access token.
     *
     * @param subject   who it is for
     * @param sessionId the login it belongs to, or {@code null} for none
     */
    public IssuedToken issue(TokenSubject subject, String sessionId) {
        return issue(subject, sessionId, List.of());
    }

    /**
     * Issues a user's access token.
     *
     * @param amr how the user authenticated (RFC 8176), for the {@code amr} claim
     */
    public IssuedToken issue(TokenSubject subject, String sessionId, List<String> amr) {
        Instant now = revocations.earliestIssueTime(subject.userId(), clock.instant());
        String jti = TokenIds.random(16);
        Map<String, Object> claims = AccessTokenClaims.of(subject, sessionId, amr, settings, now, jti);
        return new IssuedToken(sign(claims, keys.signer()), jti, now, now.plus(settings.ttl()));
    }

    /** Signs claims as a JWS compact token with {@code kid}, {@code alg} and {@code typ} headers. */
    static String sign(Map<String, Object> claims, SigningKey key) {
        return Jwt.claims(claims).jws()
                .keyId(key.kid())
                .algorithm(key.algorithm().smallrye())
                .header("typ", "JWT")
                .sign(key.privateKey());
    }
}
