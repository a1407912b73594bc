package dev.jwtlib.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.jwtlib.session.Login;
import dev.jwtlib.session.RefreshTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link RefreshTokens} in the collection {@code refresh_tokens}: one document per login, whose
 * {@code live} sub-document holds the refresh token that works under its digest
 * ({@code {digest, expires_at}}), and whose {@code spent} sub-document holds the last ones
 * exchanged, one field per {@linkplain RefreshTokens#slot slot} of their generation. A rotation
 * is one {@code findOneAndUpdate} by {@code _id} alone (the embedded store uses an index only for
 * a filter on exactly the indexed fields) that renames the presented digest's field from
 * {@code live} into its spent slot: a digest that is not live renames nothing, so a made-up or
 * spent token cannot push anything into the spent slots. It returns the document as it was: the
 * caller decides from that. A TTL index removes a login once it has ended for good.
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
        login.live().forEach((digest, expiresAt) -> live.append(digest, token(digest, expiresAt)));
        Document spent = new Document();
        login.spent().forEach((slot, digest) -> spent.append(slotField(slot), token(digest, login.endsAt())));
        collection.insertOne(new Document("_id", login.id())
                .append("user_id", login.userId())
                .append("username", login.username())
                .append("epoch", login.epoch())
                .append("start", Date.from(login.start()))
                .append("ends_at", Date.from(login.endsAt()))
                .append("ended", login.ended())
                .append("live", live)
                .append("spent", spent)
                .append("amr", login.amr()));
    }

    @Override
    public Optional<Login> rotate(String login, long generation, String digest, String next, Instant nextExpiresAt) {
        Document before = collection.findOneAndUpdate(Filters.eq("_id", login), Updates.combine(
                        Updates.rename("live." + digest, "spent." + slotField(RefreshTokens.slot(generation))),
                        Updates.set("live." + next, token(next, nextExpiresAt))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return Optional.ofNullable(before).map(MongoRefreshTokens::login);
    }

    @Override
    public void undo(String login, String next) {
        collection.updateOne(Filters.eq("_id", login), Updates.unset("live." + next));
    }

    @Override
    public void restore(String login, long generation, String digest, String next) {
        collection.updateOne(Filters.eq("_id", login), Updates.combine(
                Updates.rename("spent." + slotField(RefreshTokens.slot(generation)), "live." + digest),
                Updates.unset("live." + next)));
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

    private static Document token(String digest, Instant expiresAt) {
        return new Document("digest", digest).append("expires_at", Date.from(expiresAt));
    }

    private static String slotField(int slot) {
        return "s" + slot;
    }

    private static Login login(Document d) {
        Map<String, Instant> live = new LinkedHashMap<>();
        if (d.get("live") instanceof Document liveDocument) {
            liveDocument.forEach((digest, token) -> {
                if (token instanceof Document t && t.get("expires_at") instanceof Date expiresAt) {
                    live.put(digest, expiresAt.toInstant());
                }
            });
        }
        Map<Integer, String> spent = new HashMap<>();
        // documents of the earlier format (a list of digests, tokens without a generation) have none
        if (d.get("spent") instanceof Document spentDocument) {
            for (int slot = 0; slot < SPENT_KEPT; slot++) {
                if (spentDocument.get(slotField(slot)) instanceof Document t && t.get("digest") instanceof String digest) {
                    spent.put(slot, digest);
                }
            }
        }
        return new Login(d.getString("_id"), d.getString("user_id"), d.getString("username"),
                d.get("epoch") instanceof Number epoch ? epoch.longValue() : 0L,
                d.getDate("start").toInstant(), d.getDate("ends_at").toInstant(), Boolean.TRUE.equals(d.getBoolean("ended")),
                live, spent, d.getList("amr", String.class));
    }
}
