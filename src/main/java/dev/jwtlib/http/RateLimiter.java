package dev.jwtlib.http;

import com.github.benmanes.caffeine.cache.Cache;
import dev.jwtlib.error.TooManyRequests;
import dev.jwtlib.verify.Caches;
import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket per key (a source address) of {@code perMinute} calls, refilled evenly over a
 * minute. Kept in memory, per instance, for at most {@value #MAX_KEYS} keys; a key unused for two
 * minutes is full again and forgotten.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.buckets = Caches.newBuilder(clock).maximumSize(MAX_KEYS).expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    /**
     * Takes one call for {@code key}.
     *
     * @throws TooManyRequests when it has none left now, with the seconds until it has one
     */
    public void take(String key) {
        long now = clock.millis();
        long waitMillis = buckets.get(key, k -> new Bucket(perMinute, now)).take(perMinute, now);
        if (waitMillis > 0) {
            throw new TooManyRequests("Too many requests from your address; try again in a moment.",
                    Math.max(1, (waitMillis + 999) / 1000));
        }
    }

    /**
     * Gives back a call {@link #take taken} for {@code key}: for limits that count only failures,
     * which take a call before the check (so that parallel attempts cannot all pass a check of
     * what is left) and give it back when the check succeeds.
     */
    public void refund(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.refund(perMinute);
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
        synchronized long take(int capacity, long now) {
            long wait = waitFor(capacity, now);
            if (wait == 0) {
                tokens -= 1;
            }
            return wait;
        }

        synchronized void refund(int capacity) {
            tokens = Math.min(capacity, tokens + 1);
        }

        /** 0 when a call is there now, else how many milliseconds until one is. */
        synchronized long waitFor(int capacity, long now) {
            double perMilli = capacity / 60_000.0;
            tokens = Math.min(capacity, tokens + Math.max(0, now - updatedAt) * perMilli);
            updatedAt = now;
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perMilli);
        }
    }
}
