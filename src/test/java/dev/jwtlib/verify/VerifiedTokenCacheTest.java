package dev.jwtlib.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private final MutableClock clock = new MutableClock();

    private VerifiedToken expiringIn(Duration left) {
        Instant exp = clock.instant().plus(left);
        return new VerifiedToken("u", "alice", Set.of("user"), "jwtlib", exp.minusSeconds(900), exp, "j", "s");
    }

    @Test
    void getWhenCachedAndUnexpiredThenSameToken() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, clock);
        VerifiedToken token = expiringIn(Duration.ofSeconds(60));
        cache.put("d", token);
        assertSame(token, cache.get("d"));
    }

    @Test
    void getWhenExpiredPastSkewThenGone() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, clock);
        cache.put("d", expiringIn(Duration.ZERO));
        clock.advance(TokenSettings.CLOCK_SKEW.minusSeconds(1));
        assertNotNull(cache.get("d"), "the verifier still accepts it within the clock skew");
        clock.advance(Duration.ofSeconds(1));
        assertNull(cache.get("d"));
        assertEquals(0, cache.size());
    }

    @Test
    void putWhenAlreadyPastSkewThenNotKept() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, clock);
        cache.put("d", expiringIn(TokenSettings.CLOCK_SKEW.negated()));
        assertNull(cache.get("d"));
    }

    @Test
    void putWhenFullThenBoundedWithoutEmptyingItself() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, clock);
        for (int i = 0; i < 1_000; i++) {
            cache.put("d" + i, expiringIn(Duration.ofSeconds(60)));
        }
        long size = cache.size();
        assertTrue(size <= 100, "size " + size);
        assertTrue(size >= 50, "a full cache evicts some entries, not all of them: size " + size);
    }
}
