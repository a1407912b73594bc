package dev.jwtlib.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.testing.InMemorySigningKeys;
import dev.jwtlib.testing.MutableClock;
import dev.jwtlib.verify.TokenAlgorithm;
import dev.jwtlib.verify.TokenSettings;
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
        StoredKeyRing ring = new StoredKeyRing(store, SETTINGS, new KeySettings(ACTIVATION, ROTATION, Optional.empty()),
                new SecurityEvents(clock), clock);
        ring.load();
        return ring;
    }

    private static List<String> kids(KeyRing ring) {
        return ring.publicJwks().stream().map(JsonWebKey::getKeyId).toList();
    }

    @Test
    void loadWhenTheStoreIsEmptyThenOneKeyIsGeneratedAndSigns() {
        StoredKeyRing ring = ring();
        assertEquals("initial-ES256", ring.signer().kid());
        assertEquals(List.of("initial-ES256"), kids(ring));
        assertEquals(1, store.size());
        assertTrue(ring.verificationKey("initial-ES256").isPresent());
    }

    @Test
    void loadWhenTwoInstancesStartOnOneStoreThenBothUseTheSameKey() {
        StoredKeyRing first = ring();
        StoredKeyRing second = ring();
        assertEquals(first.signer().kid(), second.signer().kid());
        assertEquals(first.signer().publicKey(), second.signer().publicKey());
        assertEquals(1, store.size());
    }

    @Test
    void rotateThenTheNewKeyIsPublishedAtOnceAndSignsOnlyAfterTheActivationDelay() {
        StoredKeyRing ring = ring();
        String rotated = ring.rotate().kid();
        assertEquals(List.of("initial-ES256", rotated), kids(ring));
        assertEquals("initial-ES256", ring.signer().kid(), "verifiers must learn the key before it signs");
        clock.advance(ACTIVATION);
        assertEquals(rotated, ring.signer().kid());
        assertTrue(ring.verificationKey("initial-ES256").isPresent(), "tokens of the old key are still valid");
    }

    @Test
    void signerWhenTheRotationIntervalHasPassedThenANewKeyIsMadeByItself() {
        StoredKeyRing ring = ring();
        clock.advance(ROTATION.plusSeconds(1));
        assertEquals("initial-ES256", ring.signer().kid());
        List<String> published = kids(ring);
        assertEquals(2, published.size(), "a new key is published: " + published);
        clock.advance(ACTIVATION);
        assertNotEquals("initial-ES256", ring.signer().kid());
        assertEquals(2, store.size(), "one rotation, not one per call");
    }

    @Test
    void reloadWhenAKeyWasReplacedLongerAgoThanATokenLivesThenItIsRetired() {
        StoredKeyRing ring = ring();
        String rotated = ring.rotate().kid();
        clock.advance(ACTIVATION.plus(SETTINGS.ttl()).plus(TokenSettings.CLOCK_SKEW).plus(StoredKeyRing.REFRESH).plusSeconds(1));
        assertEquals(List.of(rotated), kids(ring));
        assertTrue(ring.verificationKey("initial-ES256").isEmpty());
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
    void rotateWhenKeysComeFromAFileThenRefused() {
        KeyRing file = new FileKeyRing(java.nio.file.Path.of("keys.jwk"), List.of(ring().signer()));
        org.junit.jupiter.api.Assertions.assertThrows(dev.jwtlib.error.Conflict.class, file::rotate);
    }
}
