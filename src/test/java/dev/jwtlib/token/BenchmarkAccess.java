package dev.jwtlib.token;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives the benchmarks the package-private pieces of the token hot path, wired as
 * {@link AccessTokens} and {@link TokenIssuer} wire them, without a container.
 */
public final class BenchmarkAccess {

    private final TokenSettings settings;
    private final SigningKey key;
    private final TokenVerifier verifier;
    private final VerifiedTokenCache cache = new VerifiedTokenCache(50_000);
    private final Map<String, Instant> revokedJtis = new ConcurrentHashMap<>();
    private final String token;

    public BenchmarkAccess(String alg) {
        TokenAlgorithm algorithm = TokenAlgorithm.fromConfig(alg);
        KeyPair pair = algorithm.generateKeyPair();
        settings = new TokenSettings("jwtlib", Optional.empty(), Duration.ofMinutes(15), algorithm);
        key = new SigningKey("k", algorithm, pair.getPrivate(), pair.getPublic(), Instant.now(), Instant.now());
        verifier = new TokenVerifier(settings, kid -> Optional.of(pair.getPublic()));
        token = sign();
        cache.put(TokenIds.digest(token), verifier.verify(token), Instant.now());
        revokedJtis.put("some-other-jti", Instant.now().plusSeconds(900));
    }

    /** What {@link AccessTokens#verify} does for a token it has seen: digest, cache, revocation lookup. */
    public Object cachedLookup() {
        VerifiedToken verified = cache.get(TokenIds.digest(token), Instant.now());
        return revokedJtis.containsKey(verified.jti()) ? null : verified;
    }

    public Object verifyUncached() {
        return verifier.verify(token);
    }

    public String sign() {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        return TokenIssuer.sign(AccessTokenClaims.of(new TokenSubject("u-1", "alice", Set.of("user")), "s-1",
                settings, now, TokenIds.random(16)), key);
    }
}
