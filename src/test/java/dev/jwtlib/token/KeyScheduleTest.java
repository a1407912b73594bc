package dev.jwtlib.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.verify.TokenAlgorithm;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyScheduleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(16);
    private static final KeyPair PAIR = TokenAlgorithm.ES256.generateKeyPair();

    private static SigningKey key(String kid, Instant activatesAt) {
        return new SigningKey(kid, TokenAlgorithm.ES256, PAIR.getPrivate(), PAIR.getPublic(), activatesAt, activatesAt);
    }

    private static List<String> kids(List<SigningKey> keys) {
        return keys.stream().map(SigningKey::kid).toList();
    }

    @Test
    void ofWhenNewKeyNotYetActiveThenPublishedButOldKeySigns() {
        KeySchedule schedule = KeySchedule.of(List.of(key("old", T0), key("new", T0.plusSeconds(600))),
                T0.plusSeconds(60), LIFETIME);
        assertEquals("old", schedule.signer().kid());
        assertEquals(List.of("old", "new"), kids(schedule.published()));
        assertTrue(schedule.retired().isEmpty());
    }

    @Test
    void ofWhenNewKeyActiveThenItSignsAndOldStaysWhileItsTokensLive() {
        KeySchedule schedule = KeySchedule.of(List.of(key("old", T0), key("new", T0.plusSeconds(600))),
                T0.plusSeconds(600).plus(LIFETIME), LIFETIME);
        assertEquals("new", schedule.signer().kid());
        assertEquals(List.of("old", "new"), kids(schedule.published()));
    }

    @Test
    void ofWhenEveryTokenOfTheOldKeyExpiredThenRetired() {
        KeySchedule schedule = KeySchedule.of(List.of(key("old", T0), key("new", T0.plusSeconds(600))),
                T0.plusSeconds(600).plus(LIFETIME).plusSeconds(1), LIFETIME);
        assertEquals("new", schedule.signer().kid());
        assertEquals(List.of("new"), kids(schedule.published()));
        assertEquals(List.of("old"), kids(schedule.retired()));
    }

    @Test
    void ofWhenTwoKeysActivateTogetherThenEveryInstancePicksTheSameByKid() {
        KeySchedule schedule = KeySchedule.of(List.of(key("b", T0), key("a", T0)), T0.plusSeconds(1), LIFETIME);
        assertEquals("b", schedule.signer().kid());
        assertEquals("b", KeySchedule.of(List.of(key("a", T0), key("b", T0)), T0.plusSeconds(1), LIFETIME)
                .signer().kid());
    }

    @Test
    void ofWhenNoKeysThenNoSigner() {
        assertEquals(null, KeySchedule.of(List.of(), T0, LIFETIME).signer());
    }
}
