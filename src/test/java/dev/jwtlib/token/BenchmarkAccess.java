package dev.jwtlib.token;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.testing.InMemoryRevocations;
import dev.jwtlib.testing.InMemorySigningKeys;
import dev.jwtlib.verify.TokenAlgorithm;
import dev.jwtlib.verify.TokenIds;
import dev.jwtlib.verify.TokenSettings;
import dev.jwtlib.verify.TokenVerifier;
import dev.jwtlib.verify.VerifiedToken;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * The token hot path for the benchmarks, built from the real classes without a container: a
 * {@link KeyRing} over an in-memory key store (one generated key of the given algorithm), the
 * {@link TokenIssuer}, {@link AccessTokens} (the verified-token cache and the
 * {@link RevocationList}, here holding {@value #OTHER_REVOCATIONS} revocations of each kind,
 * none for the benchmark's token) and a bare {@link TokenVerifier} for the cache-miss path.
 */
public final class BenchmarkAccess {

    private static final int OTHER_REVOCATIONS = 1_000;

    private final TokenSettings settings;
    private final CountingKeyRing keys;
    private final TokenIssuer issuer;
    private final AccessTokens accessTokens;
    private final TokenVerifier verifier;
    private final String token;

    /**
     * @param alg the {@code alg} name as configured: ES256, RS256, PS256 or EdDSA
     */
    public BenchmarkAccess(String alg) {
        Clock clock = Clock.systemUTC();
        settings = new TokenSettings("jwtlib", Optional.empty(), Duration.ofMinutes(15), TokenAlgorithm.fromConfig(alg));
        SecurityEvents events = new SecurityEvents(clock);
        keys = new CountingKeyRing(KeyRings.create(new InMemorySigningKeys(), settings,
                new KeySettings(Duration.ofMinutes(10), Duration.ofDays(30), Optional.empty(),
                        Optional.of(java.util.Base64.getEncoder().encodeToString(new byte[32])), java.nio.file.Path.of("unused.kek"),
                        false), events, clock));
        RevocationList revocations = new RevocationList(new InMemoryRevocations(), events, clock);
        revocations.load();
        for (int i = 0; i < OTHER_REVOCATIONS; i++) {
            revocations.revokeToken(TokenIds.random(16), clock.instant().plusSeconds(900));
            revocations.revokeSession(TokenIds.random(16), clock.instant().plusSeconds(900));
            revocations.revokeUser("u-other-" + i, settings.ttl());
        }
        issuer = new TokenIssuer(keys, settings, revocations, clock);
        accessTokens = new AccessTokens(keys, settings, revocations, clock);
        verifier = new TokenVerifier(settings, keys::verificationKey, clock);
        token = sign();

        // Once each, so that the benchmarks measure the steady state (parser built, cache filled).
        verifier.verify(token);
        accessTokens.verify(token);
        keys.lookups.set(0);
    }

    /**
     * What the auth service does for a token it has seen ({@link AccessTokens#verify}): the
     * token's digest, the cache lookup, the revocation check.
     */
    public VerifiedToken cachedLookup() {
        return accessTokens.verify(token);
    }

    /**
     * How many times {@link #cachedLookup} missed the cache since construction (and so verified
     * the signature); 0 unless the token expired while the benchmark ran.
     */
    public int cachedLookupMisses() {
        return keys.lookups.get();
    }

    /** The full check of a token not seen before: header checks, signature, claims (no cache). */
    public VerifiedToken verifyUncached() {
        return verifier.verify(token);
    }

    /** Signs a new access token with {@link TokenIssuer#issue} (claims, random jti, JWS). */
    public String sign() {
        return issuer.issue(new TokenSubject("u-1", "alice", Set.of("user")), "s-1").token();
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
        return keys.signer().publicKey();
    }

    /** A key ring that counts key lookups: each one is a verification that missed the cache. */
    private static final class CountingKeyRing implements KeyRing {
        private final KeyRing ring;
        private final AtomicInteger lookups = new AtomicInteger();

        CountingKeyRing(KeyRing ring) {
            this.ring = ring;
        }

        @Override
        public SigningKey signer() {
            return ring.signer();
        }

        @Override
        public Optional<PublicKey> verificationKey(String kid) {
            lookups.incrementAndGet();
            return ring.verificationKey(kid);
        }

        @Override
        public List<PublicJsonWebKey> publicJwks() {
            return ring.publicJwks();
        }

        @Override
        public List<SigningKey> publishedKeys() {
            return ring.publishedKeys();
        }

        @Override
        public boolean rotatable() {
            return ring.rotatable();
        }

        @Override
        public Rotation rotate() {
            return ring.rotate();
        }

        @Override
        public String describe() {
            return ring.describe();
        }
    }
}
