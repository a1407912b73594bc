package dev.jwtlib.verify;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The claims of an access token whose signature and claims checked out.
 *
 * @param sessionId the login it belongs to ({@code sid}), or {@code null}
 * @param clientId  for a token of an OAuth client ({@code client_credentials}), its id
 *                  ({@code client_id}), else {@code null}
 * @param amr       how the user authenticated (RFC 8176 {@code amr}), empty when the token says nothing
 */
public record VerifiedToken(String subject, String username, Set<String> groups, String issuer,
                            Instant issuedAt, Instant expiresAt, String jti, String sessionId, String clientId,
                            List<String> amr) {

    /** The claim that names the login (refresh token family) an access token belongs to. */
    public static final String SESSION_ID_CLAIM = "sid";
    /** The claim that names the client a client's own token was issued to (RFC 9068 section 2.2). */
    public static final String CLIENT_ID_CLAIM = "client_id";

    /** A user's token. */
    public VerifiedToken(String subject, String username, Set<String> groups, String issuer, Instant issuedAt,
                         Instant expiresAt, String jti, String sessionId) {
        this(subject, username, groups, issuer, issuedAt, expiresAt, jti, sessionId, null, List.of());
    }

    public VerifiedToken {
        groups = Set.copyOf(groups);
        amr = amr == null ? List.of() : List.copyOf(amr);
    }
}
