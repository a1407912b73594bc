package dev.jwtlib.session;

import java.time.Instant;

/**
 * A refresh token as kept in the store: only its SHA-256 digest, never the token.
 *
 * @param digest      the token's digest, its id
 * @param family      the login it belongs to (the access tokens' {@code sid})
 * @param userId      whose login it is
 * @param username    the user's name when it was issued, for the audit line of a reuse
 * @param familyStart when the login happened
 * @param used        whether it was exchanged (or ended) already
 * @param ended       whether its login or user was ended, rather than the token exchanged
 * @param expiresAt   when it stops working
 */
public record RefreshToken(String digest, String family, String userId, String username, Instant familyStart,
                           boolean used, boolean ended, Instant expiresAt) {

    /** Whether it can be exchanged at {@code now}: not used, not ended, not expired. */
    public boolean usableAt(Instant now) {
        return !used && !ended && expiresAt.isAfter(now);
    }
}
