package dev.jwtlib.verify;

import dev.jwtlib.error.InvalidToken;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link TokenVerifier} in front of which tokens verified before are served from memory, keyed
 * by the token's digest and never past the moment the verifier would refuse them: the hot path
 * of the auth service and of an application in {@code jwks} mode. Revocation is the caller's.
 */
public final class CachingTokenVerifier {

    private static final int CACHE_CAPACITY = 50_000;

    private final TokenVerifier verifier;
    private final VerifiedTokenCache cache;

    /**
     * @param keys the verification key for a {@code kid}, or empty when the kid is unknown
     */
    public CachingTokenVerifier(TokenSettings settings, Function<String, Optional<PublicKey>> keys, Clock clock) {
        this.verifier = new TokenVerifier(settings, keys, clock);
        this.cache = new VerifiedTokenCache(CACHE_CAPACITY, clock);
    }

    /**
     * @throws InvalidToken when the token is malformed or refused
     */
    public VerifiedToken verify(String token) {
        if (token == null || token.length() > TokenVerifier.MAX_TOKEN_LENGTH) {
            return verifier.verify(token);
        }
        String digest = TokenIds.digest(token);
        VerifiedToken verified = cache.get(digest);
        if (verified == null) {
            verified = verifier.verify(token);
            cache.put(digest, verified);
        }
        return verified;
    }
}
