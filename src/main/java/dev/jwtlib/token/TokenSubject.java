package dev.jwtlib.token;

import java.util.Set;

/**
 * Who a token is issued to: a user, or an OAuth client on its own behalf.
 *
 * @param userId   the stable id ({@code sub}): a user's id, or the client's id
 * @param username the name ({@code upn}, {@code preferred_username})
 * @param roles    the roles ({@code groups})
 * @param clientId for a client's own token, its id ({@code client_id}); else {@code null}
 */
public record TokenSubject(String userId, String username, Set<String> roles, String clientId) {

    public TokenSubject {
        roles = Set.copyOf(roles);
    }

    /** A user. */
    public TokenSubject(String userId, String username, Set<String> roles) {
        this(userId, username, roles, null);
    }

    /** What a client's tokens carry as their name: never a username, which cannot hold a ':'. */
    public static final String CLIENT_NAME_PREFIX = "client:";

    /**
     * A client, for itself ({@code client_credentials}): {@code sub} and {@code client_id} are its
     * id, and its name ({@code upn}, {@code preferred_username}) is {@code client:<id>}, so that no
     * user can register a name that passes for a client's.
     */
    public static TokenSubject client(String clientId, Set<String> roles) {
        return new TokenSubject(clientId, CLIENT_NAME_PREFIX + clientId, roles, clientId);
    }
}
