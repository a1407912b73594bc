package dev.jwtlib.token;

import java.time.Instant;

/**
 * Tokens whose signature and claims already checked out, keyed by a SHA-256 digest of the token
 * (never the token itself), each kept no longer than it lives (with the clock-skew allowance).
 */
final class VerifiedTokenCache {

    private final ExpiringCache<VerifiedToken> entries;

    VerifiedTokenCache(int capacity) {
        entries = new ExpiringCache<>(capacity);
    }

    /** The cached token, or {@code null} when absent or no longer valid at {@code now}. */
    VerifiedToken get(String digest, Instant now) {
        return entries.get(digest, now);
    }

    void put(String digest, VerifiedToken token, Instant now) {
        entries.put(digest, token, token.expiresAt().plus(TokenSettings.CLOCK_SKEW), now);
    }

    int size() {
        return entries.size();
    }
}
