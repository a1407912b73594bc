package dev.jwtlib.token;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.Conflict;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The signing keys of the configured algorithm, kept in the store so that a restart or another
 * instance signs and verifies with the same keys. The first instance to start generates a key;
 * later keys come from rotation ({@link #rotate()}, or automatically every rotation interval),
 * are published at once and sign only after the activation delay. Which key signs and which are
 * published follows {@link KeySchedule}; the ring re-reads the store every few seconds when
 * asked for an unknown {@code kid} and at least every {@link #REFRESH} otherwise.
 */
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());
    private static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(5);
    static final Duration REFRESH = Duration.ofSeconds(30);
    /** The {@code max-age} of the JWKS response. */
    public static final Duration JWKS_MAX_AGE = Duration.ofMinutes(5);

    /** A rotation's result: the new key and when it starts signing. */
    public record Rotation(String kid, String algorithm, Instant activatesAt) {
    }

    @Inject
    SecurityEvents events;
    @Inject
    MongoDBTemplate template;
    @Inject
    TokenSettings settings;
    @Inject
    KeySettings keySettings;
    @Inject
    Clock clock;

    private volatile Map<String, SigningKey> published = Map.of();
    private volatile List<SigningKey> loaded = List.of();
    private volatile SigningKey signer;
    private volatile Instant lastReload = Instant.EPOCH;

    @PostConstruct
    void load() {
        if (keySettings.location().isPresent()) {
            List<SigningKey> managed = KeyFile.load(keySettings.location().get(), settings.algorithm());
            published = managed.stream().collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity()));
            signer = managed.get(0);
            lastReload = Instant.MAX;
            LOG.info(() -> "jwtlib: signing with " + signer.algorithm().jwsName() + " key kid=" + signer.kid()
                    + " from " + keySettings.location().get() + " (" + published.size() + " published key(s);"
                    + " rotation is managed outside jwtlib)");
            return;
        }
        if (keySettings.activationDelay().compareTo(JWKS_MAX_AGE.plus(REFRESH)) < 0) {
            LOG.warning(() -> "jwtlib: jwtlib.keys.activation-delay=" + keySettings.activationDelay()
                    + " is shorter than the JWKS cache time plus the key refresh (" + JWKS_MAX_AGE.plus(REFRESH)
                    + "): a verifier may see a token signed by a key that is not in its cached JWKS yet");
        }
        reload();
        if (signer == null) {
            createInitialKey();
            reload();
        }
        LOG.info(() -> "jwtlib: signing with " + signer.algorithm().jwsName() + " key kid=" + signer.kid()
                + " (" + published.size() + " published key(s); a new key every " + keySettings.rotationInterval()
                + ", published " + keySettings.activationDelay() + " before it signs)");
    }

    /**
     * The key new tokens are signed with, chosen at this moment (a pending key starts signing
     * when it activates, not at the next reload); rotates first when the current one is due.
     */
    SigningKey signer() {
        if (keySettings.location().isPresent()) {
            return signer;
        }
        reloadIfOlderThan(REFRESH);
        Instant now = clock.instant();
        if (rotationDue(now)) {
            rotateIfDue();
        }
        return KeySchedule.of(loaded, now, lifetime()).signer();
    }

    /**
     * The public key for {@code kid}; an unknown kid re-reads the store at most every few
     * seconds, so a key created by another instance is found without a restart.
     */
    Optional<PublicKey> verificationKey(String kid) {
        SigningKey key = published.get(kid);
        if (key == null && keySettings.location().isEmpty()
                && Duration.between(lastReload, clock.instant()).compareTo(UNKNOWN_KID_RELOAD) > 0) {
            reloadIfOlderThan(UNKNOWN_KID_RELOAD);
            key = published.get(kid);
        }
        return Optional.ofNullable(key).map(SigningKey::publicKey);
    }

    /** Every published verification key, for the JWK Set. */
    public List<PublicJsonWebKey> publicJwks() {
        if (keySettings.location().isEmpty()) {
            reloadIfOlderThan(REFRESH);
        }
        return published.values().stream()
                .sorted(java.util.Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::kid))
                .map(KeyRing::publicJwk)
                .toList();
    }

    /**
     * Creates a new key: published now, signing after the activation delay. Tokens signed by the
     * current key stay valid until they expire.
     */
    public synchronized Rotation rotate() {
        if (keySettings.location().isPresent()) {
            throw new Conflict("Signing keys come from jwtlib.keys.location; replace that file to rotate them.");
        }
        Instant now = clock.instant();
        SigningKey created = generate(now, now.plus(keySettings.activationDelay()));
        insert(created);
        reload();
        events.signingKey(created.kid(), "published");
        LOG.info(() -> "jwtlib: new signing key kid=" + created.kid() + " published; it signs from "
                + created.activatesAt());
        return new Rotation(created.kid(), created.algorithm().jwsName(), created.activatesAt());
    }

    private synchronized void rotateIfDue() {
        reload();
        if (rotationDue(clock.instant())) {
            rotate();
        }
    }

    private boolean rotationDue(Instant now) {
        boolean pending = published.values().stream().anyMatch(k -> k.activatesAt().isAfter(now));
        SigningKey current = KeySchedule.of(loaded, now, lifetime()).signer();
        return !pending && current.activatesAt().plus(keySettings.rotationInterval()).isBefore(now);
    }

    private synchronized void reloadIfOlderThan(Duration age) {
        if (Duration.between(lastReload, clock.instant()).compareTo(age) >= 0) {
            reload();
        }
    }

    private synchronized void reload() {
        Instant now = clock.instant();
        String alg = settings.algorithm().jwsName();
        List<SigningKey> keys = template.select(StoredSigningKey.class).where("alg").eq(alg)
                .<StoredSigningKey>result().stream()
                .map(KeyRing::fromStored)
                .filter(k -> k.algorithm().accepts(k.publicKey()))
                .toList();
        KeySchedule schedule = KeySchedule.of(keys, now, lifetime().plus(REFRESH));
        for (SigningKey old : schedule.retired()) {
            template.delete(StoredSigningKey.class, old.kid());
            events.signingKey(old.kid(), "retired");
        }
        published = schedule.published().stream()
                .collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity()));
        loaded = schedule.published();
        signer = schedule.signer();
        lastReload = now;
    }

    /** How long a token stays acceptable: its lifetime plus the clock skew. */
    private Duration lifetime() {
        return settings.ttl().plus(TokenSettings.CLOCK_SKEW);
    }

    /**
     * The first key has a fixed id per algorithm, so that instances starting together on an
     * empty store agree on one key: the second insert fails on the duplicate id and is ignored.
     */
    private void createInitialKey() {
        Instant now = clock.instant();
        TokenAlgorithm algorithm = settings.algorithm();
        var pair = algorithm.generateKeyPair();
        SigningKey initial = new SigningKey("initial-" + algorithm.jwsName(), algorithm, pair.getPrivate(),
                pair.getPublic(), now, now);
        try {
            insert(initial);
            LOG.info(() -> "jwtlib: generated the first " + algorithm.jwsName() + " signing key and saved it in the store");
        } catch (RuntimeException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.mongodb.MongoServerException server && server.getCode() == 11000) {
                return true;
            }
        }
        return false;
    }

    private void insert(SigningKey key) {
        template.insert(toStored(key));
    }

    private SigningKey generate(Instant now, Instant activatesAt) {
        TokenAlgorithm algorithm = settings.algorithm();
        var pair = algorithm.generateKeyPair();
        return new SigningKey(TokenIds.random(16), algorithm, pair.getPrivate(), pair.getPublic(), now, activatesAt);
    }

    private static StoredSigningKey toStored(SigningKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.publicKey());
            jwk.setPrivateKey(key.privateKey());
            jwk.setKeyId(key.kid());
            return new StoredSigningKey(key.kid(), key.algorithm().jwsName(),
                    jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), key.createdAt().toEpochMilli(),
                    key.activatesAt().toEpochMilli());
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot encode signing key " + key.kid(), e);
        }
    }

    private static SigningKey fromStored(StoredSigningKey stored) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(stored.privateJwk());
            Instant created = Instant.ofEpochMilli(stored.createdAt());
            Instant activates = stored.activatesAt() == 0 ? created : Instant.ofEpochMilli(stored.activatesAt());
            return new SigningKey(stored.kid(), TokenAlgorithm.fromConfig(stored.alg()), jwk.getPrivateKey(),
                    jwk.getPublicKey(), created, activates);
        } catch (JoseException e) {
            throw new IllegalStateException("Signing key " + stored.kid() + " in the store cannot be read", e);
        }
    }

    private static PublicJsonWebKey publicJwk(SigningKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.publicKey());
            jwk.setKeyId(key.kid());
            jwk.setAlgorithm(key.algorithm().jwsName());
            jwk.setUse("sig");
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot encode public key " + key.kid(), e);
        }
    }
}
