package dev.jwtlib.verify;

import java.time.Instant;
import java.util.Set;

/**
 * The claims of an access token whose signature and claims checked out.
 *
 * @param sessionId the login it belongs to ({@code sid}), or {@code null}
 */
public record VerifiedToken(String subject, String username, Set<String> groups, String issuer,
                            Instant issuedAt, Instant expiresAt, String jti, String sessionId) {

    /** The claim that names the login (refresh token family) an access token belongs to. */
    public static final String SESSION_ID_CLAIM = "sid";

    public VerifiedToken {
        groups = Set.copyOf(groups);
    }
}
