package dev.jwtlib.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.jwtlib.session.RefreshToken;
import dev.jwtlib.session.RefreshTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link RefreshTokens} in the collection {@code refresh_tokens}, through the driver: the claim is
 * one {@code findOneAndUpdate}, and a TTL index removes expired tokens.
 */
@ApplicationScoped
@Typed(RefreshTokens.class)
class MongoRefreshTokens implements RefreshTokens {

    @Inject
    MongoDatabase database;

    private MongoCollection<Document> collection;

    @PostConstruct
    void open() {
        collection = database.getCollection("refresh_tokens");
        collection.createIndex(Indexes.ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        collection.createIndex(Indexes.ascending("family"));
        // ending a user's sessions finds their tokens by user: without this index a real MongoDB
        // scans every refresh token of every user
        collection.createIndex(Indexes.ascending("user_id"));
    }

    @Override
    public void insert(RefreshToken token, Instant now) {
        collection.insertOne(new Document("_id", token.digest())
                .append("family", token.family())
                .append("user_id", token.userId())
                .append("username", token.username())
                .append("family_start", Date.from(token.familyStart()))
                .append("used", token.used())
                .append("ended", token.ended())
                .append("created_at", Date.from(now))
                .append("expires_at", Date.from(token.expiresAt())));
    }

    /**
     * One atomic update by {@code _id} alone. (A filter on more than {@code _id} would be just as
     * atomic in MongoDB, but the embedded store then scans the whole collection: the claim took
     * longer with every token ever issued.)
     */
    @Override
    public Optional<RefreshToken> markUsed(String digest, Instant now) {
        Document before = collection.findOneAndUpdate(Filters.eq("_id", digest),
                Updates.combine(Updates.set("used", true), Updates.min("used_at", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return Optional.ofNullable(before).map(MongoRefreshTokens::token);
    }

    @Override
    public Optional<RefreshToken> find(String digest) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", digest)).first()).map(MongoRefreshTokens::token);
    }

    @Override
    public void endFamily(String family, Instant now) {
        collection.updateMany(Filters.and(Filters.eq("family", family), Filters.eq("used", false)), ended(now));
    }

    @Override
    public void endUser(String userId, Instant now) {
        collection.updateMany(Filters.and(Filters.eq("user_id", userId), Filters.eq("used", false)), ended(now));
    }

    private static Bson ended(Instant now) {
        return Updates.combine(Updates.set("used", true), Updates.set("ended", true), Updates.set("used_at", Date.from(now)));
    }

    private static RefreshToken token(Document d) {
        return new RefreshToken(d.getString("_id"), d.getString("family"), d.getString("user_id"), d.getString("username"),
                d.getDate("family_start").toInstant(), Boolean.TRUE.equals(d.getBoolean("used")),
                Boolean.TRUE.equals(d.getBoolean("ended")), d.getDate("expires_at").toInstant());
    }
}
