package dev.jwtlib.token;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims already checked out, keyed by a SHA-256 digest of the token
 * (never the token itself), each kept no longer than it lives. Bounded: when full, expired
 * entries go first, and if that frees nothing the cache starts over.
 */
final class VerifiedTokenCache {

    private final int capacity;
    private final Map<String, VerifiedToken> entries = new ConcurrentHashMap<>();

    VerifiedTokenCache(int capacity) {
        this.capacity = capacity;
    }

    /** The cached token, or {@code null} when absent or no longer valid at {@code now}. */
    VerifiedToken get(String digest, Instant now) {
        VerifiedToken token = entries.get(digest);
        if (token != null && !usableAt(token, now)) {
            entries.remove(digest, token);
            return null;
        }
        return token;
    }

    void put(String digest, VerifiedToken token, Instant now) {
        if (entries.size() >= capacity) {
            entries.values().removeIf(t -> !usableAt(t, now));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(digest, token);
    }

    int size() {
        return entries.size();
    }

    private static boolean usableAt(VerifiedToken token, Instant now) {
        return now.isBefore(token.expiresAt().plus(TokenSettings.CLOCK_SKEW));
    }
}
