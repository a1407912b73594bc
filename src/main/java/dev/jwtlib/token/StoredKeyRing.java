package dev.jwtlib.token;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.verify.TokenAlgorithm;
import dev.jwtlib.verify.TokenIds;
import dev.jwtlib.verify.TokenSettings;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * Generated signing keys of the configured algorithm, kept in the store ({@link SigningKeys}) so
 * that a restart or another instance signs and verifies with the same keys. The first instance to
 * start generates a key; later keys come from rotation ({@link #rotate()}, or automatically every
 * rotation interval), are published at once and sign only after the activation delay. Which key
 * signs and which are published follows {@link KeySchedule}; the ring re-reads the store every
 * few seconds when asked for an unknown {@code kid} and at least every {@link #REFRESH} otherwise.
 */
final class StoredKeyRing implements KeyRing {

    private static final Logger LOG = Logger.getLogger(StoredKeyRing.class.getName());
    static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(5);
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final SigningKeys store;
    private final TokenSettings settings;
    private final KeySettings keySettings;
    private final SecurityEvents events;
    private final Clock clock;

    private volatile Map<String, SigningKey> published = Map.of();
    private volatile List<SigningKey> loaded = List.of();
    private volatile Instant lastReload = Instant.EPOCH;

    StoredKeyRing(SigningKeys store, TokenSettings settings, KeySettings keySettings, SecurityEvents events, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.keySettings = keySettings;
        this.events = events;
        this.clock = clock;
    }

    /** Reads the keys, and creates the first one when the store has none. */
    void load() {
        if (keySettings.activationDelay().compareTo(JWKS_MAX_AGE.plus(REFRESH)) < 0) {
            LOG.warning(() -> "jwtlib: jwtlib.keys.activation-delay=" + keySettings.activationDelay()
                    + " is shorter than the JWKS cache time plus the key refresh (" + JWKS_MAX_AGE.plus(REFRESH)
                    + "): a verifier may see a token signed by a key that is not in its cached JWKS yet");
        }
        reload();
        if (loaded.isEmpty()) {
            createInitialKey();
            reload();
        }
    }

    /**
     * Chosen at this moment (a pending key starts signing when it activates, not at the next
     * reload); rotates first when the current key is due.
     */
    @Override
    public SigningKey signer() {
        reloadIfOlderThan(REFRESH);
        Instant now = clock.instant();
        if (rotationDue(now)) {
            rotateIfDue();
        }
        return KeySchedule.of(loaded, now, lifetime()).signer();
    }

    /** An unknown kid re-reads the store at most every few seconds, so a key made by another instance is found. */
    @Override
    public Optional<PublicKey> verificationKey(String kid) {
        SigningKey key = published.get(kid);
        if (key == null && Duration.between(lastReload, clock.instant()).compareTo(UNKNOWN_KID_RELOAD) > 0) {
            reloadIfOlderThan(UNKNOWN_KID_RELOAD);
            key = published.get(kid);
        }
        return Optional.ofNullable(key).map(SigningKey::publicKey);
    }

    @Override
    public List<PublicJsonWebKey> publicJwks() {
        reloadIfOlderThan(REFRESH);
        return published.values().stream()
                .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::kid))
                .map(KeyCodec::publicJwk)
                .toList();
    }

    /** Tokens signed by the current key stay valid until they expire. */
    @Override
    public synchronized Rotation rotate() {
        Instant now = clock.instant();
        SigningKey created = generate(TokenIds.random(16), now, now.plus(keySettings.activationDelay()));
        store.add(KeyCodec.toStored(created));
        reload();
        events.signingKey(created.kid(), "published");
        LOG.info(() -> "jwtlib: new signing key kid=" + created.kid() + " published; it signs from " + created.activatesAt());
        return new Rotation(created.kid(), created.algorithm().jwsName(), created.activatesAt());
    }

    @Override
    public String describe() {
        SigningKey signer = KeySchedule.of(loaded, clock.instant(), lifetime()).signer();
        return "signing with " + signer.algorithm().jwsName() + " key kid=" + signer.kid() + " (" + published.size()
                + " published key(s); a new key every " + keySettings.rotationInterval() + ", published "
                + keySettings.activationDelay() + " before it signs)";
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
        List<SigningKey> keys = store.all(settings.algorithm().jwsName()).stream()
                .map(KeyCodec::fromStored)
                .filter(k -> k.algorithm().accepts(k.publicKey()))
                .toList();
        KeySchedule schedule = KeySchedule.of(keys, now, lifetime().plus(REFRESH));
        for (SigningKey old : schedule.retired()) {
            store.remove(old.kid());
            events.signingKey(old.kid(), "retired");
        }
        published = schedule.published().stream().collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity()));
        loaded = schedule.published();
        lastReload = now;
    }

    /** How long a token stays acceptable: its lifetime plus the clock skew. */
    private Duration lifetime() {
        return settings.ttl().plus(TokenSettings.CLOCK_SKEW);
    }

    /**
     * The first key has a fixed id per algorithm, so that instances starting together on an
     * empty store agree on one key: the second insert finds the id taken and is dropped.
     */
    private void createInitialKey() {
        Instant now = clock.instant();
        TokenAlgorithm algorithm = settings.algorithm();
        if (store.add(KeyCodec.toStored(generate("initial-" + algorithm.jwsName(), now, now)))) {
            LOG.info(() -> "jwtlib: generated the first " + algorithm.jwsName() + " signing key and saved it in the store");
        }
    }

    private SigningKey generate(String kid, Instant now, Instant activatesAt) {
        TokenAlgorithm algorithm = settings.algorithm();
        var pair = algorithm.generateKeyPair();
        return new SigningKey(kid, algorithm, pair.getPrivate(), pair.getPublic(), now, activatesAt);
    }
}
