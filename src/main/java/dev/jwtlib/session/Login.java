package dev.jwtlib.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A login as kept in the store: one document however often it is refreshed. Its refresh tokens
 * are kept only as SHA-256 digests: the one that works now ({@code live}, with its expiry) and
 * the last few spent ones ({@code spent}), which is what reuse detection needs.
 *
 * @param id       the login's id, the access tokens' {@code sid} and the first part of its refresh tokens
 * @param userId   whose login it is
 * @param username the user's name at the login, for the audit line of a reuse
 * @param start    when the login happened
 * @param endsAt   when it ends however often it is refreshed ({@code jwtlib.session.max-lifetime})
 * @param ended    whether it was ended (logout, reuse, the user's sessions ended)
 * @param live     the refresh tokens that work, digest → expiry (one, but for a moment during a rotation)
 * @param spent    digests of the last {@link RefreshTokens#SPENT_KEPT} tokens exchanged, oldest first
 */
public record Login(String id, String userId, String username, Instant start, Instant endsAt, boolean ended,
                    Map<String, Instant> live, List<String> spent) {

    public Login {
        live = Map.copyOf(live);
        spent = List.copyOf(spent);
    }

    /** Whether the refresh token with this digest may be exchanged at {@code now}. */
    public boolean accepts(String digest, Instant now) {
        Instant expiresAt = live.get(digest);
        return !ended && expiresAt != null && expiresAt.isAfter(now) && endsAt.isAfter(now);
    }

    /** Whether the token with this digest was issued for this login at some point (live or spent). */
    public boolean issued(String digest) {
        return live.containsKey(digest) || spent.contains(digest);
    }
}
