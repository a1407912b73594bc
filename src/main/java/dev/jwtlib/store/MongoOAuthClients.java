package dev.jwtlib.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.jwtlib.error.Conflict;
import dev.jwtlib.oauth.Clients;
import dev.jwtlib.oauth.OAuthClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** {@link Clients} in the collection {@code clients}, one document per client, its id the {@code _id}. */
@ApplicationScoped
@Typed(Clients.class)
class MongoOAuthClients implements Clients {

    @Inject
    MongoDatabase database;

    MongoCollection<Document> clients;

    @PostConstruct
    void open() {
        clients = Stores.critical(database.getCollection("clients"));
    }

    @Override
    public Optional<OAuthClient> byId(String clientId) {
        return Optional.ofNullable(clients.find(Filters.eq("_id", clientId)).first()).map(MongoOAuthClients::client);
    }

    @Override
    public OAuthClient insert(OAuthClient client) {
        try {
            clients.insertOne(new Document("_id", client.clientId())
                    .append("secret_digest", client.secretDigest())
                    .append("roles", client.roles())
                    .append("description", client.description())
                    .append("created_at", client.createdAt())
                    .append("updated_at", client.updatedAt()));
            return client;
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                throw new Conflict("This client_id is taken.");
            }
            throw e;
        }
    }

    @Override
    public Optional<OAuthClient> replaceSecret(String clientId, String secretDigest, Instant now) {
        return Optional.ofNullable(clients.findOneAndUpdate(Filters.eq("_id", clientId),
                        Updates.combine(Updates.set("secret_digest", secretDigest), Updates.set("updated_at", now.toEpochMilli())),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(MongoOAuthClients::client);
    }

    @Override
    public boolean delete(String clientId) {
        return clients.deleteOne(Filters.eq("_id", clientId)).getDeletedCount() > 0;
    }

    @Override
    public List<OAuthClient> page(long offset, long limit) {
        List<OAuthClient> page = new ArrayList<>();
        clients.find().sort(Sorts.ascending("_id")).skip((int) offset).limit((int) limit)
                .forEach(d -> page.add(client(d)));
        return page;
    }

    @Override
    public long count() {
        return clients.countDocuments();
    }

    private static OAuthClient client(Document d) {
        return new OAuthClient(d.getString("_id"), d.getString("secret_digest"), d.getList("roles", String.class, List.of()),
                d.getString("description"), d.get("created_at", Number.class).longValue(),
                d.get("updated_at", Number.class).longValue());
    }
}
