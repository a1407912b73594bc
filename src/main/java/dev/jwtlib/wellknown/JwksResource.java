package dev.jwtlib.wellknown;

import dev.jwtlib.token.KeyRing;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/** {@code GET /.well-known/jwks.json}: the public verification keys as an RFC 7517 JWK Set. */
@Path("/.well-known/jwks.json")
@RequestScoped
public class JwksResource {

    static final String JWK_SET_JSON = "application/jwk-set+json";

    @Inject
    KeyRing keys;

    @GET
    @Produces({"application/json", JWK_SET_JSON})
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) KeyRing.JWKS_MAX_AGE.toSeconds());
        String body = new JsonWebKeySet(keys.publicJwks()).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        return Response.ok(body).cacheControl(cache).build();
    }
}
