package dev.jwtlib.introspection;

import dev.jwtlib.account.Roles;
import dev.jwtlib.error.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/auth/introspect} (RFC 7662): for service clients only; the token comes as a
 * form parameter {@code token} (section 2.1) or as JSON {@code {"token": …}}.
 */
@Path("/api/auth/introspect")
@RequestScoped
@RolesAllowed(Roles.SERVICE)
@Produces(MediaType.APPLICATION_JSON)
public class IntrospectionResource {

    @Inject
    Introspector introspector;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public IntrospectResponse form(@FormParam("token") String token) {
        return introspect(new IntrospectRequest(token));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public IntrospectResponse json(IntrospectRequest request) {
        return introspect(request);
    }

    private IntrospectResponse introspect(IntrospectRequest request) {
        if (request.token() == null || request.token().isEmpty()) {
            throw new InvalidInput("token", "is required (RFC 7662 section 2.1)");
        }
        return introspector.introspect(request.token());
    }
}
