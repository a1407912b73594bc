package dev.jwtlib.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.error.Conflict;
import dev.jwtlib.testing.InMemorySigningKeys;
import dev.jwtlib.testing.MutableClock;
import dev.jwtlib.verify.TokenAlgorithm;
import dev.jwtlib.verify.TokenSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.Test;

/** Generated keys in a shared store: two rings over one store are two instances over one MongoDB. */
class StoredKeyRingTest {

    private static final Duration ACTIVATION = Duration.ofMinutes(10);
    private static final Duration ROTATION = Duration.ofDays(30);
    private static final TokenSettings SETTINGS = new TokenSettings("https://auth.example.com", Optional.empty(),
            Duration.ofMinutes(15), TokenAlgorithm.ES256);

    private final MutableClock clock = new MutableClock();
    private final InMemorySigningKeys store = new InMemorySigningKeys();

    private StoredKeyRing ring() {
        return ring(store, new byte[32]);
    }

    private StoredKeyRing ring(SigningKeys keys, byte[] encryptionKey) {
        StoredKeyRing ring = new StoredKeyRing(keys, new KeyEncryption(encryptionKey, "a test key"), SETTINGS,
                new KeySettings(ACTIVATION, ROTATION, Optional.empty(), Optional.empty(), Path.of("unused.kek"), false),
                new SecurityEvents(clock), clock);
        ring.load();
        return ring;
    }

    private static List<String> kids(KeyRing ring) {
        return ring.publicJwks().stream().map(JsonWebKey::getKeyId).toList();
    }

    @Test
    void loadWhenTheStoreIsEmptyThenOneKeyIsGeneratedNamedByItsThumbprint() {
        StoredKeyRing ring = ring();
        SigningKey signer = ring.signer();
        assertEquals(KeyCodec.thumbprint(signer.publicKey()), signer.kid(), "RFC 7638");
        assertEquals(List.of(signer.kid()), kids(ring));
        assertEquals(1, store.size());
        assertTrue(ring.verificationKey(signer.kid()).isPresent());
    }

    @Test
    void loadWhenAnotherInstanceMadeTheKeyThenBothSignWithIt() {
        StoredKeyRing first = ring();
        StoredKeyRing second = ring();
        assertEquals(first.signer().kid(), second.signer().kid());
        assertEquals(first.signer().publicKey(), second.signer().publicKey());
        assertEquals(1, store.size());
    }

    @Test
    void storedKeysAreEncryptedAndUnreadableWithAnotherKeyEncryptionKey() {
        ring();
        String stored = store.stored().iterator().next().privateJwk();
        assertTrue(stored.startsWith("enc:v1:"), stored);
        assertFalse(stored.contains("\"d\""), "no private key member in clear");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ring(store, new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));
        assertTrue(e.getMessage().contains(KeySettings.ENCRYPTION_KEY), e.getMessage());
    }

    @Test
    void loadWhenAKeyWasStoredInClearByAnEarlierVersionThenItIsEncryptedInPlace() {
        SigningKey legacy = ring().signer();
        store.replace(KeyCodec.toStored(legacy));
        assertTrue(store.stored().iterator().next().privateJwk().startsWith("{"));
        assertEquals(legacy.kid(), ring().signer().kid());
        assertTrue(store.stored().iterator().next().privateJwk().startsWith("enc:v1:"));
    }

    @Test
    void reloadWhenAKeyInClearAppearsBesideEncryptedOnesThenItIsNeitherUsedNorEncrypted() {
        StoredKeyRing ring = ring();
        String genuine = ring.signer().kid();
        TokenAlgorithm es256 = TokenAlgorithm.ES256;
        java.security.KeyPair pair = es256.generateKeyPair();
        SigningKey planted = new SigningKey(KeyCodec.thumbprint(pair.getPublic()), es256, pair.getPrivate(), pair.getPublic(),
                clock.instant().minusSeconds(1), clock.instant().minusSeconds(1));
        store.add(KeyCodec.toStored(planted));
        clock.advance(StoredKeyRing.REFRESH.plusSeconds(1));
        assertEquals(genuine, ring.signer().kid(), "a key written into the store in clear does not sign");
        assertTrue(ring.verificationKey(planted.kid()).isEmpty(), "nor verify");
        assertEquals(genuine, ring().signer().kid(), "not at a restart either, once a key is encrypted");
        assertTrue(store.stored().stream().filter(k -> k.kid().equals(planted.kid())).findFirst().orElseThrow()
                .privateJwk().startsWith("{"), "left as it is, for an operator to look at");
    }

    @Test
    void rotateThenTheNewKeyIsPublishedAtOnceAndSignsOnlyAfterTheActivationDelay() {
        StoredKeyRing ring = ring();
        String initial = ring.signer().kid();
        String rotated = ring.rotate().kid();
        assertEquals(List.of(initial, rotated), kids(ring));
        assertEquals(initial, ring.signer().kid(), "verifiers must learn the key before it signs");
        clock.advance(ACTIVATION);
        assertEquals(rotated, ring.signer().kid());
        assertTrue(ring.verificationKey(initial).isPresent(), "tokens of the old key are still valid");
    }

    @Test
    void signerWhenTheRotationIntervalHasPassedThenANewKeyIsMadeByItself() {
        StoredKeyRing ring = ring();
        String initial = ring.signer().kid();
        clock.advance(ROTATION.plusSeconds(1));
        assertEquals(initial, ring.signer().kid());
        List<String> published = kids(ring);
        assertEquals(2, published.size(), "a new key is published: " + published);
        clock.advance(ACTIVATION);
        assertNotEquals(initial, ring.signer().kid());
        assertEquals(2, store.size(), "one rotation, not one per call");
    }

    @Test
    void reloadWhenAKeyWasReplacedLongerAgoThanATokenLivesThenItIsRetired() {
        StoredKeyRing ring = ring();
        String initial = ring.signer().kid();
        String rotated = ring.rotate().kid();
        clock.advance(ACTIVATION.plus(SETTINGS.ttl()).plus(TokenSettings.CLOCK_SKEW).plus(StoredKeyRing.REFRESH).plusSeconds(1));
        assertEquals(List.of(rotated), kids(ring));
        assertTrue(ring.verificationKey(initial).isEmpty());
        assertEquals(1, store.size());
    }

    @Test
    void verificationKeyWhenAnotherInstanceRotatedThenFoundWithinSeconds() {
        StoredKeyRing here = ring();
        String rotated = ring().rotate().kid();
        clock.advance(StoredKeyRing.UNKNOWN_KID_RELOAD.plusSeconds(1));
        assertTrue(here.verificationKey(rotated).isPresent());
    }

    @Test
    void verificationKeyWhenUnknownKidsFloodThenTheStoreIsReadAtMostOncePerInterval() {
        StoredKeyRing ring = ring();
        clock.advance(StoredKeyRing.UNKNOWN_KID_RELOAD.plusSeconds(1));
        int before = store.reads();
        for (int i = 0; i < 1_000; i++) {
            assertTrue(ring.verificationKey("made-up-" + i).isEmpty());
        }
        assertEquals(1, store.reads() - before);
    }

    @Test
    void verificationKeyWhenTheStoreIsDownThenKnownKeysWorkAndUnknownKidsAre503WithoutWaiting() {
        FlakySigningKeys flaky = new FlakySigningKeys(store);
        StoredKeyRing ring = ring(flaky, new byte[32]);
        String known = ring.signer().kid();
        flaky.down = true;
        clock.advance(StoredKeyRing.UNKNOWN_KID_RELOAD.plusSeconds(1));
        assertThrows(AuthServiceUnavailable.class, () -> ring.verificationKey("another-instance's-new-key"));
        assertTrue(ring.verificationKey(known).isPresent());
        int tries = flaky.tries;
        for (int i = 0; i < 100; i++) {
            assertThrows(AuthServiceUnavailable.class, () -> ring.verificationKey("another-instance's-new-key"));
        }
        assertEquals(tries, flaky.tries, "one attempt per interval, however many requests come");
        assertEquals(List.of(known), kids(ring), "the JWKS still answers with the keys read before");
    }

    @Test
    void rotateWhenKeysComeFromAFileThenRefused() {
        KeyRing file = new FileKeyRing(Path.of("keys.jwk"), List.of(ring().signer()));
        assertThrows(Conflict.class, file::rotate);
    }

    /** A store that can be taken down. */
    private static final class FlakySigningKeys implements SigningKeys {
        private final SigningKeys real;
        volatile boolean down;
        volatile int tries;

        FlakySigningKeys(SigningKeys real) {
            this.real = real;
        }

        private void check() {
            if (down) {
                tries++;
                throw new IllegalStateException("the store is down");
            }
        }

        @Override
        public List<StoredSigningKey> all(String alg) {
            check();
            return real.all(alg);
        }

        @Override
        public boolean add(StoredSigningKey key) {
            check();
            return real.add(key);
        }

        @Override
        public void replace(StoredSigningKey key) {
            check();
            real.replace(key);
        }

        @Override
        public void remove(String kid) {
            check();
            real.remove(kid);
        }
    }
}
