package dev.jwtlib.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private final MutableClock clock = new MutableClock();
    private final VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), 100, clock);
    private final VerifiedCredentials.Entry entry = new VerifiedCredentials.Entry("id", "svc", Set.of("service"),
            clock.instant());

    @Test
    void getWhenSameCredentialsWithinTtlThenCached() {
        cache.put("svc", "secret passphrase", entry);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.of(entry), cache.get("svc", "secret passphrase"));
    }

    @Test
    void getWhenTtlPassedThenGone() {
        cache.put("svc", "secret passphrase", entry);
        clock.advance(Duration.ofSeconds(60));
        assertTrue(cache.get("svc", "secret passphrase").isEmpty());
    }

    @Test
    void getWhenPasswordOrNameDiffersThenNotCached() {
        cache.put("svc", "secret passphrase", entry);
        assertTrue(cache.get("svc", "secret passphrasE").isEmpty());
        assertTrue(cache.get("svc2", "secret passphrase").isEmpty());
        assertTrue(cache.get("svcs", "ecret passphrase").isEmpty(), "name and password must not run together");
    }

    @Test
    void putWhenFullThenBounded() {
        VerifiedCredentials small = new VerifiedCredentials(Duration.ofSeconds(60), 2, clock);
        for (int i = 0; i < 100; i++) {
            small.put("client-" + i, "secret", entry);
        }
        long kept = IntStream.range(0, 100).filter(i -> small.get("client-" + i, "secret").isPresent()).count();
        assertTrue(kept >= 1 && kept <= 2, "kept " + kept);
    }
}
