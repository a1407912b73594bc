package dev.jwtlib.admin;

import dev.jwtlib.account.Roles;
import dev.jwtlib.token.KeyRing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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

    /** A published key and what it does now: {@code signing}, {@code next} (signs from {@code activates_at}) or {@code verifying}. */
    public record KeyView(@JsonbProperty("kid") String kid, @JsonbProperty("alg") String alg,
                          @JsonbProperty("state") String state, @JsonbProperty("created_at") long createdAt,
                          @JsonbProperty("activates_at") long activatesAt) {
    }

    /** The published keys, and whether jwtlib may rotate them. */
    public record KeyList(@JsonbProperty("keys") List<KeyView> keys, @JsonbProperty("rotatable") boolean rotatable) {
    }

    @Inject
    KeyRing keys;
    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public KeyList list() {
        String signer = keys.signer().kid();
        Instant now = clock.instant();
        return new KeyList(keys.publishedKeys().stream().map(key -> new KeyView(key.kid(), key.algorithm().jwsName(),
                key.kid().equals(signer) ? "signing" : key.activatesAt().isAfter(now) ? "next" : "verifying",
                key.createdAt().getEpochSecond(), key.activatesAt().getEpochSecond())).toList(), keys.rotatable());
    }

    @POST
    @Path("rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate() {
        KeyRing.Rotation rotation = keys.rotate();
        return Response.accepted(new RotationAnswer(rotation.kid(), rotation.algorithm(),
                rotation.activatesAt().getEpochSecond())).build();
    }
}
