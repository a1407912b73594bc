package dev.jwtlib.it.rs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * What another team writes: its own resources with {@code @RolesAllowed}, nothing of jwtlib's in
 * the code. {@code /api/reports/*} is covered by a security constraint in its web.xml;
 * {@code /api/public} is not.
 */
@Path("/")
public class ReportsResource {

    @GET
    @Path("reports")
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String mine(@Context SecurityContext security) {
        return "reports of " + security.getUserPrincipal().getName();
    }

    @GET
    @Path("reports/all")
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String all() {
        return "all reports";
    }

    @GET
    @Path("public")
    @Produces(MediaType.TEXT_PLAIN)
    public String open() {
        return "open to all";
    }
}
