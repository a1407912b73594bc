package dev.jwtlib.http;

import com.github.benmanes.caffeine.cache.Cache;
import dev.jwtlib.error.TooManyRequests;
import dev.jwtlib.verify.Caches;
import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket per key (a source address, an account) of {@code capacity} calls, refilled
 * evenly over {@code period}. Kept in memory, per instance, for at most {@value #MAX_KEYS} keys; a
 * key unused for a whole period is full again and forgotten.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final int capacity;
    private final long periodMillis;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    /** {@code perMinute} calls a minute. */
    public RateLimiter(int perMinute, Clock clock) {
        this(perMinute, Duration.ofMinutes(1), clock);
    }

    /** {@code capacity} calls per {@code period}, refilled evenly. */
    public RateLimiter(int capacity, Duration period, Clock clock) {
        this.capacity = capacity;
        this.periodMillis = period.toMillis();
        this.clock = clock;
        this.buckets = Caches.newBuilder(clock).maximumSize(MAX_KEYS).expireAfterAccess(period.plus(Duration.ofMinutes(1)))
                .build();
    }

    /**
     * Takes one call for {@code key}.
     *
     * @throws TooManyRequests when it has none left now, with the seconds until it has one
     */
    public void take(String key) {
        long waitMillis = waitFor(key);
        if (waitMillis > 0) {
            throw new TooManyRequests("Too many requests from your address; try again in a moment.",
                    Math.max(1, (waitMillis + 999) / 1000));
        }
    }

    /** Takes one call for {@code key} if one is left; {@code false} (and nothing taken) otherwise. */
    public boolean tryTake(String key) {
        return waitFor(key) == 0;
    }

    private long waitFor(String key) {
        long now = clock.millis();
        return buckets.get(key, k -> new Bucket(capacity, now)).take(capacity, periodMillis, now);
    }

    /**
     * Gives back a call {@link #take taken} for {@code key}: for limits that count only some
     * outcomes.
     */
    public void refund(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.refund(capacity);
        }
    }

    /** Calls left for one key. */
    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updatedAt = now;
        }

        /** Takes one call; returns 0, or how many milliseconds until one is there. */
        synchronized long take(int capacity, long periodMillis, long now) {
            double perMilli = capacity / (double) periodMillis;
            tokens = Math.min(capacity, tokens + Math.max(0, now - updatedAt) * perMilli);
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }

        synchronized void refund(int capacity) {
            tokens = Math.min(capacity, tokens + 1);
        }
    }
}
