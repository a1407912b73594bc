package dev.jwtlib.token;

import dev.jwtlib.error.InvalidToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * The hot path: turns a presented access token into its verified claims. A token verified
 * before comes from an in-memory cache (keyed by its digest, never past its expiry); every call
 * checks the in-memory revocation list. Neither touches the store.
 */
@ApplicationScoped
public class AccessTokens {

    private static final int CACHE_CAPACITY = 50_000;

    @Inject
    KeyRing keys;
    @Inject
    TokenSettings settings;
    @Inject
    RevocationList revocations;
    @Inject
    Clock clock;

    private TokenVerifier verifier;
    private final VerifiedTokenCache cache = new VerifiedTokenCache(CACHE_CAPACITY);

    @PostConstruct
    void init() {
        verifier = new TokenVerifier(settings, keys::verificationKey);
    }

    /**
     * @throws InvalidToken when the token is malformed, refused or revoked
     */
    public VerifiedToken verify(String token) {
        if (token == null || token.length() > TokenVerifier.MAX_TOKEN_LENGTH) {
            return verifier.verify(token);
        }
        Instant now = clock.instant();
        String digest = TokenIds.digest(token);
        VerifiedToken verified = cache.get(digest, now);
        if (verified == null) {
            verified = verifier.verify(token);
            cache.put(digest, verified, now);
        }
        if (revocations.isRevoked(verified)) {
            throw InvalidToken.rejected("The token has been revoked.");
        }
        return verified;
    }
}
