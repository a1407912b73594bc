package dev.jwtlib.introspection;

import dev.jwtlib.account.PublicUser;
import dev.jwtlib.account.User;
import dev.jwtlib.account.Users;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.token.AccessTokens;
import dev.jwtlib.token.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * The Python {@code introspect_token}: never throws for a bad token. A token is active only when
 * it verifies, is not revoked, and its user still exists, is active and still has that name.
 */
@ApplicationScoped
public class Introspector {

    @Inject
    AccessTokens tokens;
    @Inject
    Users users;

    public JsonObject introspect(String token) {
        VerifiedToken verified;
        try {
            verified = tokens.verify(token);
        } catch (InvalidToken e) {
            return IntrospectionResponse.inactive();
        }
        return users.byId(verified.subject())
                .filter(User::active)
                .map(user -> IntrospectionResponse.active(verified, PublicUser.of(user)))
                .orElse(IntrospectionResponse.inactive());
    }
}
