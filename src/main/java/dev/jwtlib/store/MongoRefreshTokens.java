package dev.jwtlib.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.jwtlib.session.Login;
import dev.jwtlib.session.RefreshTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link RefreshTokens} in the collection {@code refresh_tokens}: one document per login, whose
 * {@code live} sub-document maps the digest of the refresh token that works to its expiry, and
 * whose {@code spent} array holds the last digests exchanged. A rotation is one
 * {@code findOneAndUpdate} by {@code _id} alone (the embedded store uses an index only for a
 * filter on exactly the indexed fields), moving the presented digest from {@code live} to
 * {@code spent} whatever it was, and returning the document as it was: the caller decides from
 * that. A TTL index removes a login once it has ended for good.
 */
@ApplicationScoped
@Typed(RefreshTokens.class)
class MongoRefreshTokens implements RefreshTokens {

    @Inject
    MongoDatabase database;

    MongoCollection<Document> collection;

    @PostConstruct
    void open() {
        collection = Stores.critical(database.getCollection("refresh_tokens"));
        collection.createIndex(Indexes.ascending("ends_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        // ending a user's logins finds them by user: without this index a real MongoDB scans every login
        collection.createIndex(Indexes.ascending("user_id"));
    }

    @Override
    public void start(Login login) {
        Document live = new Document();
        login.live().forEach((digest, expiresAt) -> live.append(digest, Date.from(expiresAt)));
        collection.insertOne(new Document("_id", login.id())
                .append("user_id", login.userId())
                .append("username", login.username())
                .append("start", Date.from(login.start()))
                .append("ends_at", Date.from(login.endsAt()))
                .append("ended", login.ended())
                .append("live", live)
                .append("spent", login.spent()));
    }

    @Override
    public Optional<Login> rotate(String login, String digest, String next, Instant nextExpiresAt) {
        Document before = collection.findOneAndUpdate(Filters.eq("_id", login), Updates.combine(
                        Updates.unset("live." + digest),
                        Updates.set("live." + next, Date.from(nextExpiresAt)),
                        Updates.pushEach("spent", List.of(digest), new PushOptions().slice(-SPENT_KEPT))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return Optional.ofNullable(before).map(MongoRefreshTokens::login);
    }

    @Override
    public void undo(String login, String digest, String next, boolean keepSpent) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.unset("live." + next));
        if (!keepSpent) {
            changes.add(Updates.pull("spent", digest));
        }
        collection.updateOne(Filters.eq("_id", login), Updates.combine(changes));
    }

    @Override
    public Optional<Login> find(String login) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", login)).first()).map(MongoRefreshTokens::login);
    }

    @Override
    public void end(String login, Instant now) {
        collection.updateOne(Filters.eq("_id", login), ended(now));
    }

    @Override
    public void endUser(String userId, Instant now) {
        collection.updateMany(Filters.and(Filters.eq("user_id", userId), Filters.eq("ended", false)), ended(now));
    }

    private static Bson ended(Instant now) {
        return Updates.combine(Updates.set("ended", true), Updates.set("live", new Document()),
                Updates.set("ended_at", Date.from(now)));
    }

    private static Login login(Document d) {
        Map<String, Instant> live = new LinkedHashMap<>();
        Document liveDocument = d.get("live", Document.class);
        if (liveDocument != null) {
            liveDocument.forEach((digest, expiresAt) -> live.put(digest, ((Date) expiresAt).toInstant()));
        }
        return new Login(d.getString("_id"), d.getString("user_id"), d.getString("username"),
                d.getDate("start").toInstant(), d.getDate("ends_at").toInstant(), Boolean.TRUE.equals(d.getBoolean("ended")),
                live, d.getList("spent", String.class, List.of()));
    }
}
