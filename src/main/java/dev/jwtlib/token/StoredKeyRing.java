package dev.jwtlib.token;

import com.github.benmanes.caffeine.cache.Cache;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.verify.Caches;
import dev.jwtlib.verify.TokenAlgorithm;
import dev.jwtlib.verify.TokenSettings;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * Generated signing keys of the configured algorithm, kept in the store ({@link SigningKeys},
 * private keys encrypted with {@link KeyEncryption}) so that a restart or another instance signs
 * and verifies with the same keys. The first instance to start generates a key; later keys come
 * from rotation ({@link #rotate()}, or automatically every rotation interval), are published at
 * once and sign only after the activation delay. Which key signs and which are published follows
 * {@link KeySchedule}. Every key's {@code kid} is its RFC 7638 thumbprint, so a regenerated key
 * never takes the name of an old one.
 *
 * <p>The ring re-reads the store at least every {@link #REFRESH}, and when asked for an unknown
 * {@code kid}, at most every {@link #UNKNOWN_KID_RELOAD}; an unknown {@code kid} is remembered as
 * unknown for that long. Reading never blocks a request: while one thread reads, the others go on
 * with the keys they have. While the store cannot be read, the keys read last stay in use, and a
 * token with a {@code kid} they lack is answered {@code 503} (it may be another instance's new key).
 *
 * <p>Keys stored in clear by an earlier version are encrypted at start-up, and only while the
 * store holds no encrypted key: once it does, a key in clear is no key of this service (it is
 * skipped, with a warning), so that writing one into the store is not a way to sign tokens.
 */
final class StoredKeyRing implements KeyRing {

    private static final Logger LOG = Logger.getLogger(StoredKeyRing.class.getName());
    static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(5);
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final SigningKeys store;
    private final KeyEncryption encryption;
    private final TokenSettings settings;
    private final KeySettings keySettings;
    private final SecurityEvents events;
    private final Clock clock;
    private final ReentrantLock reading = new ReentrantLock();
    private final Cache<String, Boolean> unknownKids;

    private volatile Map<String, SigningKey> published = Map.of();
    private volatile List<SigningKey> loaded = List.of();
    private volatile Instant lastAttempt = Instant.EPOCH;
    private volatile boolean lastAttemptFailed;

    StoredKeyRing(SigningKeys store, KeyEncryption encryption, TokenSettings settings, KeySettings keySettings,
                  SecurityEvents events, Clock clock) {
        this.store = store;
        this.encryption = encryption;
        this.settings = settings;
        this.keySettings = keySettings;
        this.events = events;
        this.clock = clock;
        this.unknownKids = Caches.newBuilder(clock).maximumSize(10_000).expireAfterWrite(UNKNOWN_KID_RELOAD).build();
    }

    /** Reads the keys, and creates the first one when the store has none. */
    void load() {
        if (keySettings.activationDelay().compareTo(JWKS_MAX_AGE.plus(REFRESH)) < 0) {
            LOG.warning(() -> "jwtlib: jwtlib.keys.activation-delay=" + keySettings.activationDelay()
                    + " is shorter than the JWKS cache time plus the key refresh (" + JWKS_MAX_AGE.plus(REFRESH)
                    + "): a verifier may see a token signed by a key that is not in its cached JWKS yet");
        }
        reading.lock();
        try {
            reload(true);
            if (loaded.isEmpty()) {
                createInitialKey();
                reload(false);
            }
        } finally {
            reading.unlock();
        }
    }

    /**
     * Chosen at this moment (a pending key starts signing when it activates, not at the next
     * reload); rotates first when the current one is due.
     */
    @Override
    public SigningKey signer() {
        refreshIfOlderThan(REFRESH);
        Instant now = clock.instant();
        if (rotationDue(now)) {
            rotateIfDue();
        }
        return KeySchedule.of(loaded, now, lifetime()).signer();
    }

    /**
     * @throws AuthServiceUnavailable when the kid is unknown and the store could not be read lately
     */
    @Override
    public Optional<PublicKey> verificationKey(String kid) {
        SigningKey key = published.get(kid);
        if (key == null && unknownKids.getIfPresent(kid) == null) {
            refreshIfOlderThan(UNKNOWN_KID_RELOAD);
            key = published.get(kid);
            if (key == null) {
                if (lastAttemptFailed) {
                    throw new AuthServiceUnavailable("The signing keys cannot be read now; try again shortly.", null);
                }
                unknownKids.put(kid, Boolean.TRUE);
            }
        }
        return Optional.ofNullable(key).map(SigningKey::publicKey);
    }

    @Override
    public List<PublicJsonWebKey> publicJwks() {
        refreshIfOlderThan(REFRESH);
        return published.values().stream()
                .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::kid))
                .map(KeyCodec::publicJwk)
                .toList();
    }

    /** Tokens signed by the current key stay valid until they expire. */
    @Override
    public List<SigningKey> publishedKeys() {
        return published.values().stream().sorted(java.util.Comparator.comparing(SigningKey::activatesAt)).toList();
    }

    @Override
    public boolean rotatable() {
        return true;
    }

    @Override
    public Rotation rotate() {
        reading.lock();
        try {
            Instant now = clock.instant();
            SigningKey created = generate(now, now.plus(keySettings.activationDelay()));
            store.add(encryption.seal(KeyCodec.toStored(created)));
            reload(false);
            events.signingKey(created.kid(), "published");
            LOG.info(() -> "jwtlib: new signing key kid=" + created.kid() + " published; it signs from " + created.activatesAt());
            return new Rotation(created.kid(), created.algorithm().jwsName(), created.activatesAt());
        } finally {
            reading.unlock();
        }
    }

    @Override
    public String describe() {
        SigningKey signer = KeySchedule.of(loaded, clock.instant(), lifetime()).signer();
        return "signing with " + signer.algorithm().jwsName() + " key kid=" + signer.kid() + " (" + published.size()
                + " published key(s); a new key every " + keySettings.rotationInterval() + ", published "
                + keySettings.activationDelay() + " before it signs; private keys encrypted in the store, "
                + encryption.describe() + ")";
    }

    /** Rotates unless another thread is reading or rotating already: the request then signs with the current key. */
    private void rotateIfDue() {
        if (!reading.tryLock()) {
            return;
        }
        try {
            reload(false);
            if (rotationDue(clock.instant())) {
                rotate();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "jwtlib: the signing key is due for rotation but cannot be rotated now", e);
        } finally {
            reading.unlock();
        }
    }

    private boolean rotationDue(Instant now) {
        boolean pending = published.values().stream().anyMatch(k -> k.activatesAt().isAfter(now));
        SigningKey current = KeySchedule.of(loaded, now, lifetime()).signer();
        return !pending && current.activatesAt().plus(keySettings.rotationInterval()).isBefore(now);
    }

    /**
     * Reads the store when the last attempt is older than {@code age}, unless another thread is
     * reading already. A failure keeps the keys read before; it is logged, and the next attempt
     * waits as long as after a success.
     */
    private void refreshIfOlderThan(Duration age) {
        if (Duration.between(lastAttempt, clock.instant()).compareTo(age) < 0 || !reading.tryLock()) {
            return;
        }
        try {
            if (Duration.between(lastAttempt, clock.instant()).compareTo(age) >= 0) {
                reload(false);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "jwtlib: cannot read the signing keys from the store; keeping the ones read before", e);
        } finally {
            reading.unlock();
        }
    }

    /**
     * Reads and schedules the keys; the caller holds {@link #reading}. Keys in clear are
     * encrypted when {@code atStartUp} and the store has no encrypted key yet, and skipped otherwise.
     */
    private void reload(boolean atStartUp) {
        Instant now = clock.instant();
        lastAttempt = now;
        try {
            List<StoredSigningKey> stored = store.all(settings.algorithm().jwsName());
            boolean anySealed = stored.stream().anyMatch(KeyEncryption::sealed);
            List<SigningKey> keys = new ArrayList<>();
            for (StoredSigningKey key : stored) {
                if (KeyEncryption.sealed(key)) {
                    keys.add(KeyCodec.fromStored(encryption.open(key)));
                } else if (atStartUp && !anySealed) {
                    store.replace(encryption.seal(key));
                    LOG.info(() -> "jwtlib: signing key kid=" + key.kid() + " was stored in clear; it is encrypted now");
                    keys.add(KeyCodec.fromStored(key));
                } else {
                    LOG.warning(() -> "jwtlib: signing key kid=" + key.kid() + " is stored in clear beside encrypted keys;"
                            + " it is not used (keys in clear are encrypted only at start-up, while no key is encrypted)");
                }
            }
            keys = keys.stream().filter(k -> k.algorithm().accepts(k.publicKey())).toList();
            KeySchedule schedule = KeySchedule.of(keys, now, lifetime().plus(REFRESH));
            for (SigningKey old : schedule.retired()) {
                store.remove(old.kid());
                events.signingKey(old.kid(), "retired");
            }
            published = schedule.published().stream().collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity()));
            loaded = schedule.published();
            lastAttemptFailed = false;
            unknownKids.invalidateAll();
        } catch (RuntimeException e) {
            lastAttemptFailed = true;
            throw e;
        }
    }

    /** How long a token stays acceptable: its lifetime plus the clock skew. */
    private Duration lifetime() {
        return settings.ttl().plus(TokenSettings.CLOCK_SKEW);
    }

    /**
     * Instances that start together on an empty store may each create a first key; all of them
     * are published, and the schedule picks the same signer everywhere once each instance has read
     * the others' (the latest, then the greatest kid); the others retire like replaced keys.
     */
    private void createInitialKey() {
        SigningKey initial = generate(clock.instant(), clock.instant());
        if (store.add(encryption.seal(KeyCodec.toStored(initial)))) {
            LOG.info(() -> "jwtlib: generated the first " + initial.algorithm().jwsName() + " signing key, kid="
                    + initial.kid() + ", and saved it in the store");
        }
    }

    private SigningKey generate(Instant now, Instant activatesAt) {
        TokenAlgorithm algorithm = settings.algorithm();
        KeyPair pair = algorithm.generateKeyPair();
        return new SigningKey(KeyCodec.thumbprint(pair.getPublic()), algorithm, pair.getPrivate(), pair.getPublic(), now,
                activatesAt);
    }
}
