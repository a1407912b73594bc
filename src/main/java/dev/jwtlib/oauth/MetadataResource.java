package dev.jwtlib.oauth;

import dev.jwtlib.verify.TokenSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code GET /.well-known/oauth-authorization-server} (RFC 8414 section 3): the metadata, and,
 * for an issuer with a path such as {@code https://example.com/auth}, also where section 3.1 puts
 * it: {@code /.well-known/oauth-authorization-server/auth}.
 */
@Path("/.well-known/oauth-authorization-server")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MetadataResource {

    @Inject
    TokenSettings settings;

    @GET
    public Response metadata() {
        return answer();
    }

    @GET
    @Path("{path: .+}")
    public Response metadataOfPath(@PathParam("path") String path) {
        String issuerPath = URI.create(settings.issuer()).getPath();
        String trimmed = issuerPath == null ? "" : issuerPath.replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty() || !trimmed.equals(path.replaceAll("/+$", ""))) {
            throw new NotFoundException();
        }
        return answer();
    }

    private Response answer() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(Metadata.of(settings.issuer(), settings.algorithm().jwsName())).cacheControl(cache).build();
    }
}
