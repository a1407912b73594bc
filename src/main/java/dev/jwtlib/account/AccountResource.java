package dev.jwtlib.account;

import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.mechanism.TokenPrincipal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;

/** {@code /api/auth/register} and {@code /api/auth/me} (the Python {@code get_logged_in_user}). */
@Path("/api/auth")
@RequestScoped
public class AccountResource {

    @Inject
    AccountService accounts;
    @Inject
    Users users;
    @Inject
    SecurityContext security;
    @Inject
    UserSessions sessions;

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(RegisterRequest request) {
        User user = accounts.register(request.username(), request.email(), request.password());
        return Response.created(UriBuilder.fromPath("/api/admin/users/{username}").build(user.username()))
                .entity(PublicUser.of(user)).build();
    }

    /**
     * Changes the caller's password and ends every session of the caller, this one included:
     * all refresh tokens and access tokens issued so far stop working; the caller logs in again.
     */
    @POST
    @Path("password")
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChangeRequest request) {
        User user = caller().filter(User::active)
                .orElseThrow(() -> InvalidToken.rejected("The token's user no longer exists or is inactive."));
        sessions.endAll(accounts.changePassword(user, request.currentPassword(), request.newPassword()));
        return Response.noContent().build();
    }

    /** The caller's own account; a user deleted or deactivated since the token was issued is a 401. */
    @GET
    @Path("me")
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.SERVICE})
    @Produces(MediaType.APPLICATION_JSON)
    public PublicUser me() {
        return caller().filter(User::active).map(PublicUser::of)
                .orElseThrow(() -> InvalidToken.rejected("The token's user no longer exists or is inactive."));
    }

    private Optional<User> caller() {
        return security.getPrincipalsByType(TokenPrincipal.class).stream().findFirst()
                .map(principal -> users.byId(principal.token().subject()))
                .orElseGet(() -> users.byUsername(security.getCallerPrincipal().getName()));
    }
}
