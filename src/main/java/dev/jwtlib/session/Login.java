package dev.jwtlib.session;

import dev.jwtlib.token.Amr;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A login as kept in the store: one document however often it is refreshed. Its refresh tokens
 * are kept only as SHA-256 digests: the one that works now ({@code live}, with its expiry) and
 * the last few spent ones ({@code spent}, by generation), which is what reuse detection needs.
 *
 * @param id       the login's id, the access tokens' {@code sid} and the first part of its refresh tokens
 * @param userId   whose login it is
 * @param username the user's name at the login, for the audit line of a reuse
 * @param epoch    the user's session epoch at the login: when the user's sessions are ended the
 *                 user's epoch moves on, and a login of an older epoch is not refreshed any more
 * @param start    when the login happened
 * @param endsAt   when it ends however often it is refreshed ({@code jwtlib.session.max-lifetime})
 * @param ended    whether it was ended (logout, reuse, the user's sessions ended)
 * @param live     the refresh tokens that work, digest → expiry (one, but for a moment during a rotation)
 * @param amr      how the user authenticated at the login (RFC 8176: {@code pwd}, {@code otp}),
 *                 carried by every access token of it
 * @param spent    the digests of the last {@link RefreshTokens#SPENT_KEPT} tokens exchanged, by
 *                 {@linkplain RefreshTokens#slot slot} of their generation
 */
public record Login(String id, String userId, String username, long epoch, Instant start, Instant endsAt,
                    boolean ended, Map<String, Instant> live, Map<Integer, String> spent, List<String> amr) {

    public Login {
        live = Map.copyOf(live);
        spent = Map.copyOf(spent);
        amr = amr == null ? Amr.PASSWORD : List.copyOf(amr);
    }

    /** A new login with its first refresh token. */
    public static Login started(String id, String userId, String username, long epoch, Instant start, Instant endsAt,
                                String firstDigest, Instant firstExpiresAt, List<String> amr) {
        return new Login(id, userId, username, epoch, start, endsAt, false, Map.of(firstDigest, firstExpiresAt), Map.of(),
                amr);
    }

    /** Whether the refresh token with this digest may be exchanged at {@code now}. */
    public boolean accepts(String digest, Instant now) {
        Instant expiresAt = live.get(digest);
        return !ended && expiresAt != null && expiresAt.isAfter(now) && endsAt.isAfter(now);
    }

    /** Whether the token of this generation and digest was exchanged already (as far as the login remembers). */
    public boolean spent(long generation, String digest) {
        return digest.equals(spent.get(RefreshTokens.slot(generation)));
    }

    /** Whether the token with this digest was issued for this login at some point it remembers (live or spent). */
    public boolean issued(String digest) {
        return live.containsKey(digest) || spent.containsValue(digest);
    }

    /** Whether the login may still be refreshed at all at {@code now}. */
    public boolean open(Instant now) {
        return !ended && endsAt.isAfter(now);
    }
}
