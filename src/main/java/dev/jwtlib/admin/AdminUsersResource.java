package dev.jwtlib.admin;

import dev.jwtlib.account.AccountRules;
import dev.jwtlib.account.PublicUser;
import dev.jwtlib.account.Roles;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.http.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code /api/admin/users}: list, read, change ({@code is_active}, {@code roles}) and delete users. */
@Path("/api/admin/users")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

    static final int MAX_LIMIT = 200;

    /** One page of users and how many there are in all. */
    public record UserPage(@JsonbProperty("users") List<PublicUser> users, @JsonbProperty("total") long total) {
    }

    @Inject
    UserAdministration administration;
    @Context
    SecurityContext security;

    @GET
    public UserPage list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @QueryParam("q") String query) {
        long from = QueryParams.number("offset", offset, 0, 0, Integer.MAX_VALUE);
        long size = QueryParams.number("limit", limit, 50, 1, MAX_LIMIT);
        String prefix = query == null ? "" : AccountRules.canonicalUsername(query.strip());
        if (prefix.length() > 64 || prefix.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("q", "is the start of a username: at most 64 characters, no control characters");
        }
        return new UserPage(administration.page(prefix, from, size).stream().map(PublicUser::of).toList(),
                administration.count(prefix));
    }

    @GET
    @Path("{username}")
    public PublicUser get(@PathParam("username") String username) {
        return PublicUser.of(administration.get(username));
    }

    @PATCH
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PublicUser change(@PathParam("username") String username, UserPatch patch) {
        if (patch.roles() != null && !Roles.ALL.containsAll(patch.roles())) {
            throw new InvalidInput("roles", "may hold only " + Roles.ALL.stream().sorted().toList());
        }
        return PublicUser.of(administration.change(username, patch, security.getUserPrincipal().getName()));
    }

    /** Ends the account's lockouts, for every source address ({@code 204}). */
    @POST
    @Path("{username}/unlock")
    public Response unlock(@PathParam("username") String username) {
        administration.unlock(username, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    /** Sends the user a password-reset mail ({@code 202}); nothing about the password changes until the code is used. */
    @POST
    @Path("{username}/password-reset")
    public Response passwordReset(@PathParam("username") String username) {
        administration.sendPasswordReset(username, security.getUserPrincipal().getName());
        return Response.accepted(RESET_SENT).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static final dev.jwtlib.lifecycle.LifecycleResource.Accepted RESET_SENT = new dev.jwtlib.lifecycle.LifecycleResource.Accepted(
            "A code to reset the password has been sent to the user's email address.");

    /** Removes the user's second factor, audited; the user's sessions end ({@code 204}). */
    @DELETE
    @Path("{username}/mfa")
    public Response resetSecondFactor(@PathParam("username") String username) {
        administration.resetSecondFactor(username, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{username}")
    public Response delete(@PathParam("username") String username) {
        administration.delete(username, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}
