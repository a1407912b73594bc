package dev.jwtlib.token;

import java.time.Instant;

/** A freshly signed access token and the facts a response needs about it. */
public record IssuedToken(String token, String jti, Instant issuedAt, Instant expiresAt) {
}
