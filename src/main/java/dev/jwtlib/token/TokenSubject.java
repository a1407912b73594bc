package dev.jwtlib.token;

import java.util.Set;

/**
 * Who a token is issued to.
 *
 * @param userId   the stable user id ({@code sub})
 * @param username the username ({@code upn}, {@code preferred_username})
 * @param roles    the roles ({@code groups})
 */
public record TokenSubject(String userId, String username, Set<String> roles) {

    public TokenSubject {
        roles = Set.copyOf(roles);
    }
}
