package dev.jwtlib.verify;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;

/**
 * How jwtlib builds its caches (Caffeine): bounded by the caller, with their upkeep done on the
 * calling thread rather than on a pool the container does not manage, and with the time of the
 * given clock, so that a test that moves its clock moves the caches' time too.
 */
public final class Caches {

    private Caches() {
    }

    public static Caffeine<Object, Object> newBuilder(Clock clock) {
        return Caffeine.newBuilder().executor(Runnable::run).ticker(ticker(clock));
    }

    /** The JVM's monotonic ticker for the system clock, else the given clock in nanoseconds. */
    static Ticker ticker(Clock clock) {
        if (clock.equals(Clock.systemUTC()) || clock.equals(Clock.systemDefaultZone())) {
            return Ticker.systemTicker();
        }
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
