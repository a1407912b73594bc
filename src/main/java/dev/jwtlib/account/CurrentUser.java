package dev.jwtlib.account;

import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.mechanism.TokenPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/** The user whose access token authenticated this request, as the store has the user now. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;
    @Inject
    Users users;

    /**
     * The token's user, active.
     *
     * @throws InvalidToken when the user was deleted or deactivated since the token was issued
     */
    public User get() {
        // the principal the mechanism made, or (where the server keeps only the name) the user of that name
        return security.getPrincipalsByType(TokenPrincipal.class).stream().findFirst()
                .map(principal -> users.byId(principal.token().subject()))
                .orElseGet(() -> users.byUsername(security.getCallerPrincipal().getName()))
                .filter(User::active)
                .orElseThrow(() -> InvalidToken.rejected("The token's user no longer exists or is inactive."));
    }
}
