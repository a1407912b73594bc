package dev.jwtlib.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    private static VerifiedToken expiringAt(Instant exp) {
        return new VerifiedToken("u", "alice", Set.of("user"), "jwtlib", exp.minusSeconds(900), exp, "j", "s");
    }

    @Test
    void getWhenCachedAndUnexpiredThenSameToken() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        VerifiedToken token = expiringAt(NOW.plusSeconds(60));
        cache.put("d", token, NOW);
        assertSame(token, cache.get("d", NOW));
    }

    @Test
    void getWhenExpiredPastSkewThenGone() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        cache.put("d", expiringAt(NOW), NOW);
        assertSame(cache.get("d", NOW.plus(TokenSettings.CLOCK_SKEW).minusSeconds(1)) != null, true);
        assertNull(cache.get("d", NOW.plus(TokenSettings.CLOCK_SKEW)));
        assertEquals(0, cache.size());
    }

    @Test
    void putWhenFullThenBounded() {
        VerifiedTokenCache cache = new VerifiedTokenCache(3);
        for (int i = 0; i < 10; i++) {
            cache.put("d" + i, expiringAt(NOW.plusSeconds(60)), NOW);
        }
        assertEquals(true, cache.size() <= 3);
    }
}
