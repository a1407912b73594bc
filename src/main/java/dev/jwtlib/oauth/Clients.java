package dev.jwtlib.oauth;

import dev.jwtlib.error.Conflict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The OAuth clients. */
public interface Clients {

    Optional<OAuthClient> byId(String clientId);

    /**
     * @throws Conflict when the id is taken
     */
    OAuthClient insert(OAuthClient client);

    /** @return the client with its new secret, or empty when there is no such client */
    Optional<OAuthClient> replaceSecret(String clientId, String secretDigest, Instant now);

    /** @return whether a client was deleted */
    boolean delete(String clientId);

    /** One page, ordered by id. */
    List<OAuthClient> page(long offset, long limit);

    long count();
}
