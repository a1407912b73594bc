package dev.jwtlib.token;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives the benchmarks the package-private pieces of the token hot path, wired as
 * {@link AccessTokens} and {@link TokenIssuer} wire them, without a container: one fresh key pair
 * of the given algorithm, one access token signed with it, a {@link TokenVerifier} (the cache-miss
 * path), a {@link CachingTokenVerifier} that has already seen the token (the cache-hit path) and
 * an in-memory revocation list shaped like {@link RevocationList}'s.
 */
public final class BenchmarkAccess {

    /** Entries of each revocation map, none of them for the benchmark's token. */
    private static final int OTHER_REVOCATIONS = 1_000;

    private final TokenSettings settings;
    private final SigningKey key;
    private final TokenVerifier verifier;
    private final CachingTokenVerifier cachingVerifier;
    /** Key lookups of {@link #cachingVerifier}: each one is a cache miss. */
    private final AtomicInteger cachingVerifierMisses = new AtomicInteger();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> revokedTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> revokedSessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> revokedUsers = new ConcurrentHashMap<>();
    private volatile Instant lastPollAttempt;
    private final String token;

    /**
     * @param alg the {@code alg} name as configured: ES256, RS256, PS256 or EdDSA
     */
    public BenchmarkAccess(String alg) {
        TokenAlgorithm algorithm = TokenAlgorithm.fromConfig(alg);
        KeyPair pair = algorithm.generateKeyPair();
        PublicKey publicKey = pair.getPublic();
        settings = new TokenSettings("jwtlib", Optional.empty(), Duration.ofMinutes(15), algorithm);
        key = new SigningKey("k", algorithm, pair.getPrivate(), publicKey, Instant.now(), Instant.now());
        verifier = new TokenVerifier(settings, kid -> Optional.of(publicKey));
        cachingVerifier = new CachingTokenVerifier(settings, kid -> {
            cachingVerifierMisses.incrementAndGet();
            return Optional.of(publicKey);
        }, clock);
        token = sign();

        // Once each, so that the benchmarks measure the steady state (parser built, cache filled).
        verifier.verify(token);
        cachingVerifier.verify(token);
        cachingVerifierMisses.set(0);

        Instant later = Instant.now().plusSeconds(900);
        for (int i = 0; i < OTHER_REVOCATIONS; i++) {
            revokedTokens.put(TokenIds.random(16), later);
            revokedSessions.put(TokenIds.random(16), later);
            revokedUsers.put("u-other-" + i, Instant.now());
        }
        lastPollAttempt = clock.instant();
    }

    /**
     * What {@link AccessTokens#verify} does for a token it has seen: the {@link CachingTokenVerifier}
     * (SHA-256 digest of the token, cache lookup), then the revocation check.
     *
     * @return the verified token, or {@code null} if it were revoked (it never is)
     */
    public VerifiedToken cachedLookup() {
        VerifiedToken verified = cachingVerifier.verify(token);
        return isRevoked(verified) ? null : verified;
    }

    /**
     * How many times {@link #cachedLookup} missed the cache since construction (and so verified
     * the signature); 0 unless the token expired while the benchmark ran.
     */
    public int cachedLookupMisses() {
        return cachingVerifierMisses.get();
    }

    /** The full check of a token not seen before: header checks, signature, claims (no cache). */
    public VerifiedToken verifyUncached() {
        return verifier.verify(token);
    }

    /** Signs a new access token, as {@link TokenIssuer#issue} does (claims, random jti, JWS). */
    public String sign() {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        return TokenIssuer.sign(AccessTokenClaims.of(new TokenSubject("u-1", "alice", Set.of("user")), "s-1",
                settings, now, TokenIds.random(16)), key);
    }

    /** The {@code alg} header value of the token: ES256, RS256, PS256 or EdDSA. */
    public String jwsAlgorithm() {
        return settings.algorithm().jwsName();
    }

    /** The benchmark's token (JWS compact serialization). */
    public String token() {
        return token;
    }

    /** The JWS signing input of the token: the ASCII bytes of {@code header.payload}. */
    public byte[] signingInput() {
        return token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The token's signature as JWS carries it (base64url-decoded); for ES256 that is R||S, 64
     * bytes (RFC 7518 section 3.4), not the DER form {@code SHA256withECDSA} takes.
     */
    public byte[] signatureBytes() {
        return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    }

    /** The key that verifies the token. */
    public PublicKey publicKey() {
        return key.publicKey();
    }

    /** {@link RevocationList#isRevoked}, on maps held here instead of a store-backed list. */
    private boolean isRevoked(VerifiedToken verified) {
        // RevocationList#pollIfDue: the clock read and interval check every request pays; the store
        // poll itself happens at most once per interval per instance and is left out here.
        Instant now = clock.instant();
        if (Duration.between(lastPollAttempt, now).compareTo(RevocationList.POLL_INTERVAL) >= 0) {
            lastPollAttempt = now;
        }
        if (revokedTokens.containsKey(verified.jti())) {
            return true;
        }
        if (verified.sessionId() != null && revokedSessions.containsKey(verified.sessionId())) {
            return true;
        }
        Instant notBefore = revokedUsers.get(verified.subject());
        return notBefore != null && !verified.issuedAt().isAfter(notBefore);
    }
}
