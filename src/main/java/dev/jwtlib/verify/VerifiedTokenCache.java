package dev.jwtlib.verify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tokens whose signature and claims already checked out, keyed by a SHA-256 digest of the token
 * (never the token itself). Each entry lives until the token's {@code exp} plus the clock-skew
 * allowance, the last moment the verifier itself accepts it, and never longer; when the cache is
 * full the least useful entries go (Caffeine's size-based eviction), never all of them at once.
 */
final class VerifiedTokenCache {

    private final Clock clock;
    private final Cache<String, VerifiedToken> entries;

    VerifiedTokenCache(int capacity, Clock clock) {
        this.clock = clock;
        this.entries = Caches.newBuilder(clock)
                .maximumSize(capacity)
                .expireAfter(Expiry.creating((String digest, VerifiedToken token) -> remaining(token)))
                .build();
    }

    /** The cached token, or {@code null} when absent or no longer acceptable. */
    VerifiedToken get(String digest) {
        return entries.getIfPresent(digest);
    }

    void put(String digest, VerifiedToken token) {
        if (!remaining(token).isZero()) {
            entries.put(digest, token);
        }
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private Duration remaining(VerifiedToken token) {
        Instant until = token.expiresAt().plus(TokenSettings.CLOCK_SKEW);
        Duration left = Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
