package dev.jwtlib.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.error.TooManyRequests;
import dev.jwtlib.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new RateLimiter(60, clock);

    @Test
    void takeWhenTheMinutesCallsAreUsedUpThen429WithTheSecondsUntilTheNextOne() {
        for (int i = 0; i < 60; i++) {
            limiter.take("a");
        }
        assertEquals(1, assertThrows(TooManyRequests.class, () -> limiter.take("a")).retryAfterSeconds());
        assertDoesNotThrow(() -> limiter.take("b"), "another source has its own calls");
        clock.advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> limiter.take("a"), "one call a second comes back");
        assertThrows(TooManyRequests.class, () -> limiter.take("a"));
    }

    @Test
    void refundThenTheCallIsBackButNeverMoreThanTheMinutesCalls() {
        for (int i = 0; i < 60; i++) {
            limiter.take("a");
        }
        limiter.refund("a");
        assertDoesNotThrow(() -> limiter.take("a"));
        assertThrows(TooManyRequests.class, () -> limiter.take("a"));
        for (int i = 0; i < 100; i++) {
            limiter.refund("b");
        }
        for (int i = 0; i < 60; i++) {
            limiter.take("b");
        }
        assertThrows(TooManyRequests.class, () -> limiter.take("b"), "refunds do not add calls beyond the minute's");
    }

    @Test
    void tryTakeWhenAPeriodOfAnHourThenCapacityAtOnceAndOneMorePerSliceOfTheHour() {
        RateLimiter hourly = new RateLimiter(3, Duration.ofHours(1), clock);
        assertTrue(hourly.tryTake("alice"));
        assertTrue(hourly.tryTake("alice"));
        assertTrue(hourly.tryTake("alice"));
        assertFalse(hourly.tryTake("alice"));
        assertTrue(hourly.tryTake("bob"));
        clock.advance(Duration.ofMinutes(20));
        assertTrue(hourly.tryTake("alice"), "a third of the hour gives one back");
        assertFalse(hourly.tryTake("alice"));
    }
}
