package dev.jwtlib.account;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.http.ClientAddresses;
import dev.jwtlib.http.RateLimited;
import dev.jwtlib.password.HashAdmission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/**
 * {@code /api/auth/register}, {@code /api/auth/me} (the Python {@code get_logged_in_user}) and
 * {@code /api/auth/password}. What needs a hash runs on the hashing threads ({@link HashAdmission});
 * every rule that needs none is checked first, on the request thread.
 */
@Path("/api/auth")
@RequestScoped
public class AccountResource {

    @Inject
    AccountService accounts;
    @Inject
    Users users;
    @Inject
    CurrentUser caller;
    @Inject
    UserSessions sessions;
    @Inject
    HashAdmission hashing;
    @Inject
    SecurityEvents events;
    @Inject
    ClientAddresses addresses;

    @POST
    @Path("register")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public void register(RegisterRequest request, @Context HttpServletRequest http, @Suspended AsyncResponse response) {
        AccountService.NewAccount account = accounts.checkRegistration(request.username(), request.email(),
                request.password(), List.of(Roles.USER));
        String source = addresses.of(http);
        hashing.submit(response, ClientAddresses.limitKey(source), () -> events.asCaller(source, () -> {
            User user = accounts.create(account);
            return Response.created(UriBuilder.fromPath("/api/admin/users/{username}").build(user.username()))
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(PublicUser.of(user)).build();
        }), () -> { });
    }

    /**
     * Changes the caller's password and ends every session of the caller, this one included:
     * all refresh tokens and access tokens issued so far stop working; the caller logs in again.
     */
    @POST
    @Path("password")
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    public void changePassword(PasswordChangeRequest request, @Context HttpServletRequest http,
                               @Suspended AsyncResponse response) {
        User user = caller.get();
        accounts.checkPasswordChange(user, request.currentPassword(), request.newPassword());
        String source = addresses.of(http);
        hashing.submit(response, ClientAddresses.limitKey(source), () -> events.asCaller(source, () -> {
            sessions.endAll(accounts.changePassword(user, request.currentPassword(), request.newPassword(),
                    ClientAddresses.limitKey(source)));
            return Response.noContent().build();
        }), () -> { });
    }

    /** The caller's own account; a user deleted or deactivated since the token was issued is a 401. */
    @GET
    @Path("me")
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.SERVICE})
    @Produces(MediaType.APPLICATION_JSON)
    public PublicUser me() {
        return PublicUser.of(caller.get());
    }

}
