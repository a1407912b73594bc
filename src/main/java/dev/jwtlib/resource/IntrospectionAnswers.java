package dev.jwtlib.resource;

import dev.jwtlib.token.VerifiedToken;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The auth service's recent answers about tokens, keyed by a SHA-256 digest of the token (never
 * the token), each with its own end. Bounded: when full, ended entries go first, and if that frees
 * nothing the cache starts over.
 */
final class IntrospectionAnswers {

    /** An answer: the token's claims, or {@code null} for "not active". */
    record Answer(VerifiedToken token, Instant until) {

        boolean active() {
            return token != null;
        }
    }

    private final int capacity;
    private final Map<String, Answer> entries = new ConcurrentHashMap<>();

    IntrospectionAnswers(int capacity) {
        this.capacity = capacity;
    }

    /** The answer still valid at {@code now}, or {@code null}. */
    Answer get(String digest, Instant now) {
        Answer answer = entries.get(digest);
        if (answer != null && !now.isBefore(answer.until())) {
            entries.remove(digest, answer);
            return null;
        }
        return answer;
    }

    void put(String digest, Answer answer, Instant now) {
        if (!now.isBefore(answer.until())) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.values().removeIf(a -> !now.isBefore(a.until()));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(digest, answer);
    }

    int size() {
        return entries.size();
    }
}
