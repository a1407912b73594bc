package dev.jwtlib.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.jwtlib.token.Revocation;
import dev.jwtlib.token.Revocations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/** {@link Revocations} in the collection {@code revocations}; a TTL index removes expired entries. */
@ApplicationScoped
@Typed(Revocations.class)
class MongoRevocations implements Revocations {

    @Inject
    MongoDatabase database;

    MongoCollection<Document> collection;

    @PostConstruct
    void open() {
        collection = Stores.critical(database.getCollection("revocations"));
        collection.createIndex(Indexes.ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        collection.createIndex(Indexes.ascending("created_at"));
    }

    @Override
    public void put(Revocation revocation) {
        String id = revocation.kind() + ":" + revocation.value();
        Document entry = new Document("_id", id)
                .append("kind", revocation.kind().name())
                .append("value", revocation.value())
                .append("at", Date.from(revocation.at()))
                .append("created_at", Date.from(revocation.createdAt()))
                .append("expires_at", Date.from(revocation.expiresAt()));
        collection.replaceOne(Filters.eq("_id", id), entry, new ReplaceOptions().upsert(true));
    }

    @Override
    public List<Revocation> recordedSince(Instant since, Instant now) {
        List<Revocation> found = new ArrayList<>();
        for (Document entry : collection.find(Filters.and(
                Filters.gte("created_at", Date.from(since)), Filters.gt("expires_at", Date.from(now))))) {
            found.add(new Revocation(Revocation.Kind.valueOf(entry.getString("kind")), entry.getString("value"),
                    entry.getDate("at").toInstant(), entry.getDate("created_at").toInstant(),
                    entry.getDate("expires_at").toInstant()));
        }
        return found;
    }
}
