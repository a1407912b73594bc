package dev.jwtlib.testing;

import dev.jwtlib.error.Conflict;
import dev.jwtlib.oauth.Clients;
import dev.jwtlib.oauth.OAuthClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Clients} in memory, ids unique as in the store. */
public final class InMemoryClients implements Clients {

    private final Map<String, OAuthClient> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<OAuthClient> byId(String clientId) {
        return Optional.ofNullable(byId.get(clientId));
    }

    @Override
    public OAuthClient insert(OAuthClient client) {
        if (byId.putIfAbsent(client.clientId(), client) != null) {
            throw new Conflict("This client_id is taken.");
        }
        return client;
    }

    @Override
    public Optional<OAuthClient> replaceSecret(String clientId, String secretDigest, Instant now) {
        return Optional.ofNullable(byId.computeIfPresent(clientId, (id, c) -> new OAuthClient(id, secretDigest, c.roles(),
                c.description(), c.createdAt(), now.toEpochMilli())));
    }

    @Override
    public boolean delete(String clientId) {
        return byId.remove(clientId) != null;
    }

    @Override
    public List<OAuthClient> page(long offset, long limit) {
        return byId.values().stream().sorted(Comparator.comparing(OAuthClient::clientId)).skip(offset).limit(limit).toList();
    }

    @Override
    public long count() {
        return byId.size();
    }
}
