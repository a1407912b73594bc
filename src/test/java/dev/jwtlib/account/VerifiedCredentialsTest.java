package dev.jwtlib.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), 100);
    private final VerifiedCredentials.Entry entry = new VerifiedCredentials.Entry("id", "svc", Set.of("service"), NOW);

    @Test
    void getWhenSameCredentialsWithinTtlThenCached() {
        cache.put("svc", "secret passphrase", entry);
        assertEquals(Optional.of(entry), cache.get("svc", "secret passphrase", NOW.plusSeconds(59)));
    }

    @Test
    void getWhenTtlPassedThenGone() {
        cache.put("svc", "secret passphrase", entry);
        assertTrue(cache.get("svc", "secret passphrase", NOW.plusSeconds(60)).isEmpty());
    }

    @Test
    void getWhenPasswordOrNameDiffersThenNotCached() {
        cache.put("svc", "secret passphrase", entry);
        assertTrue(cache.get("svc", "secret passphrasE", NOW).isEmpty());
        assertTrue(cache.get("svc2", "secret passphrase", NOW).isEmpty());
        assertTrue(cache.get("svcs", "ecret passphrase", NOW).isEmpty(), "name and password must not run together");
    }

    @Test
    void putWhenFullThenBounded() {
        VerifiedCredentials small = new VerifiedCredentials(Duration.ofSeconds(60), 2);
        small.put("a", "1", entry);
        small.put("b", "2", entry);
        small.put("c", "3", entry);
        assertTrue(small.get("c", "3", NOW).isPresent());
        assertTrue(small.get("a", "1", NOW).isEmpty());
    }
}
