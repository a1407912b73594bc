package dev.jwtlib.client;

import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.verify.JwkUse;
import dev.jwtlib.verify.TokenAlgorithm;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The auth service's public keys, fetched from its JWK Set and kept in memory. Fetched again
 * when the copy is older than the cache time, or when a token names an unknown key id (a
 * rotation), but never twice within the minimum refresh interval: a flood of made-up key ids
 * costs the auth service at most one call per interval. When a fetch fails the keys already
 * held stay in use.
 */
final class RemoteJwks {

    private static final Logger LOG = Logger.getLogger(RemoteJwks.class.getName());

    private final URI url;
    private final TokenAlgorithm algorithm;
    private final Duration cacheTtl;
    private final Duration minRefresh;
    private final AuthServiceClient client;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();

    private volatile Map<String, PublicKey> keys;
    private volatile Instant fetchedAt = Instant.MIN;
    private volatile Instant attemptedAt = Instant.MIN;

    RemoteJwks(URI url, TokenAlgorithm algorithm, Duration cacheTtl, Duration minRefresh,
               AuthServiceClient client, Clock clock) {
        this.url = url;
        this.algorithm = algorithm;
        this.cacheTtl = cacheTtl;
        this.minRefresh = minRefresh;
        this.client = client;
        this.clock = clock;
    }

    /**
     * The key for {@code kid}, or empty when the auth service does not publish it.
     *
     * @throws AuthServiceUnavailable when no keys were ever fetched and they cannot be now, or a
     *                                fetch for an unknown key id fails
     */
    Optional<PublicKey> key(String kid) {
        Map<String, PublicKey> current = keys;
        if (current == null) {
            fetching.lock();
            try {
                if (keys == null) {
                    if (!mayFetch(clock.instant())) {
                        throw AuthServiceClient.unavailable(url, "no keys yet, and the last fetch failed", null);
                    }
                    fetch();
                }
            } finally {
                fetching.unlock();
            }
            return Optional.ofNullable(keys.get(kid));
        }
        Instant now = clock.instant();
        PublicKey key = current.get(kid);
        boolean stale = now.isAfter(fetchedAt.plus(cacheTtl));
        if ((key == null || stale) && mayFetch(now)) {
            if (fetching.tryLock()) {
                try {
                    if (mayFetch(clock.instant())) {
                        fetch();
                    }
                } catch (AuthServiceUnavailable e) {
                    if (key == null) {
                        throw e;
                    }
                    LOG.log(Level.WARNING, "jwtlib: the JWK Set could not be fetched again; keeping the keys fetched at {0}",
                            fetchedAt);
                } finally {
                    fetching.unlock();
                }
                key = keys.get(kid);
            }
        }
        return Optional.ofNullable(key);
    }

    private boolean mayFetch(Instant now) {
        return !now.isBefore(attemptedAt.plus(minRefresh));
    }

    private void fetch() {
        attemptedAt = clock.instant();
        AuthServiceClient.Answer answer = client.send(client.request(url).GET().build());
        if (answer.status() != 200) {
            throw AuthServiceClient.unavailable(url, "HTTP " + answer.status(), null);
        }
        Map<String, PublicKey> fetched = parse(answer.body());
        Map<String, PublicKey> previous = keys;
        keys = fetched;
        fetchedAt = attemptedAt;
        if (previous == null || !previous.keySet().equals(fetched.keySet())) {
            LOG.info(() -> "jwtlib: " + fetched.size() + " " + algorithm.jwsName() + " verification key(s) from " + url
                    + ": " + fetched.keySet());
        }
    }

    /**
     * The verification keys of the configured algorithm in a JWK Set. A key is left out when it
     * has no {@code kid}, says it is for something else ({@link JwkUse}), carries private key
     * material (a published private key is compromised), or shares its {@code kid} with another
     * key (which one would be meant is unknowable).
     */
    Map<String, PublicKey> parse(String json) {
        List<JsonWebKey> jwks;
        try {
            jwks = new JsonWebKeySet(json).getJsonWebKeys();
        } catch (JoseException | RuntimeException e) {
            throw AuthServiceClient.unavailable(url, "the answer is not a JWK Set", e);
        }
        Map<String, PublicKey> result = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (JsonWebKey jwk : jwks) {
            String kid = jwk.getKeyId();
            Optional<String> problem = kid == null ? Optional.of("it has no kid")
                    : jwk instanceof PublicJsonWebKey pair && pair.getPrivateKey() != null
                    ? Optional.of("it holds private key material") : JwkUse.problem(jwk, algorithm, JwkUse.VERIFY);
            if (problem.isPresent()) {
                LOG.fine(() -> "jwtlib: JWK " + kid + " from " + url + " not used: " + problem.get());
            } else if (result.put(kid, ((PublicJsonWebKey) jwk).getPublicKey()) != null) {
                ambiguous.add(kid);
            }
        }
        for (String kid : ambiguous) {
            result.remove(kid);
            LOG.warning(() -> "jwtlib: the JWK Set at " + url + " has several keys with kid " + kid + "; none of them is used");
        }
        return Map.copyOf(result);
    }
}
