package dev.jwtlib.token;

import java.time.Instant;

/**
 * One ended token, login or user, as shared by every instance through the store.
 *
 * @param kind      what ended
 * @param value     its id: the token's {@code jti}, the login's {@code sid}, or the user's id
 * @param at        for a user, tokens issued up to this instant are void; for a token or login,
 *                  the last instant anything it covers could still be valid
 * @param createdAt when it was recorded, by which other instances find it
 * @param expiresAt when nothing it covers can be valid any more and the entry may go
 */
public record Revocation(Kind kind, String value, Instant at, Instant createdAt, Instant expiresAt) {

    public enum Kind { TOKEN, SESSION, USER }
}
