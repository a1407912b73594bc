package dev.jwtlib.oauth;

import java.util.List;
import java.util.Set;

/**
 * An OAuth client (RFC 6749 section 2), as kept in the store: another service
 * that introspects tokens or gets tokens of its own. Its secret is kept only as a digest.
 *
 * @param clientId     its id, also the document id and the {@code sub} of its own tokens
 * @param secretDigest SHA-256 of its secret, base64url
 * @param roles        the roles of its own tokens ({@code groups}); {@code service} by default
 * @param description  what it is, for the administrator
 * @param createdAt    epoch milliseconds
 * @param updatedAt    epoch milliseconds of the last change (a new secret)
 */
public record OAuthClient(String clientId, String secretDigest, List<String> roles, String description, long createdAt,
                          long updatedAt) {

    public OAuthClient {
        roles = List.copyOf(roles == null ? List.of() : roles);
    }

    public Set<String> roleSet() {
        return Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "OAuthClient[clientId=" + clientId + "]";
    }
}
