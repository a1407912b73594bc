package dev.jwtlib.admin;

import dev.jwtlib.account.Roles;
import dev.jwtlib.token.KeyRing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/admin/keys/rotate}: creates a new signing key now (published in the JWKS at
 * once, signing after the activation delay) and answers {@code 202} with its {@code kid}.
 */
@Path("/api/admin/keys")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
public class AdminKeysResource {

    /** The new key, and when it starts signing (epoch seconds). */
    public record RotationAnswer(@JsonbProperty("kid") String kid, @JsonbProperty("alg") String alg,
                                 @JsonbProperty("activates_at") long activatesAt) {
    }

    @Inject
    KeyRing keys;

    @POST
    @Path("rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate() {
        KeyRing.Rotation rotation = keys.rotate();
        return Response.accepted(new RotationAnswer(rotation.kid(), rotation.algorithm(),
                rotation.activatesAt().getEpochSecond())).build();
    }
}
