package dev.jwtlib.oauth;

import dev.jwtlib.account.Roles;
import dev.jwtlib.http.JsonRequests;
import dev.jwtlib.http.NoStore;
import dev.jwtlib.http.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code /api/admin/clients}: the OAuth clients (RFC 6749 section 2). A new client or a new
 * secret answers with the secret, the one time it is shown ({@code Cache-Control: no-store}).
 */
@Path("/api/admin/clients")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ClientsResource {

    static final int MAX_LIMIT = 200;

    @Inject
    ClientRegistry registry;
    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ClientRequest request) {
        ClientRegistry.Created created = registry.create(Optional.ofNullable(request.clientId()),
                Optional.ofNullable(request.description()), Optional.ofNullable(request.roles()),
                Optional.ofNullable(request.clientSecret()), caller());
        return Response.created(UriBuilder.fromPath("/api/admin/clients/{id}").build(created.client().clientId()))
                .entity(ClientViews.WithSecret.of(created)).cacheControl(NoStore.cacheControl()).build();
    }

    @GET
    public ClientViews.Page list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        long from = QueryParams.number("offset", offset, 0, 0, Integer.MAX_VALUE);
        long size = QueryParams.number("limit", limit, 50, 1, MAX_LIMIT);
        return new ClientViews.Page(registry.page(from, size).stream().map(ClientViews.View::of).toList(), registry.count());
    }

    @GET
    @Path("{clientId}")
    public ClientViews.View get(@PathParam("clientId") String clientId) {
        return ClientViews.View.of(registry.get(clientId));
    }

    /** A new secret: generated, or the body's {@code client_secret} (an empty body is fine). */
    @POST
    @Path("{clientId}/secret")
    public Response newSecret(@PathParam("clientId") String clientId, InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        Optional<String> given = Optional.empty();
        if (!new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            given = Optional.ofNullable(JsonRequests.read(bytes, ClientRequest.class).clientSecret());
        }
        return Response.ok(ClientViews.WithSecret.of(registry.newSecret(clientId, given, caller())))
                .cacheControl(NoStore.cacheControl()).build();
    }

    @DELETE
    @Path("{clientId}")
    public Response delete(@PathParam("clientId") String clientId) {
        registry.delete(clientId, caller());
        return Response.noContent().build();
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
