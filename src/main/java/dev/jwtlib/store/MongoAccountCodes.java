package dev.jwtlib.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.jwtlib.lifecycle.AccountCodes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * {@link AccountCodes} in the collection {@code account_codes}: a document per code
 * ({@code _id} {@code code:<digest>}: its user, purpose and expiry) and one per user and purpose
 * naming the newest code ({@code newest:<purpose>:<user>}). Issuing writes the code, then points
 * the user's newest at it (the last write wins, so of two codes issued at once only one works);
 * redeeming deletes the code in one {@code findOneAndDelete} (so it works once) and accepts it
 * only while it is the newest. Both by {@code _id} alone; a TTL index removes expired codes.
 */
@ApplicationScoped
@Typed(AccountCodes.class)
class MongoAccountCodes implements AccountCodes {

    @Inject
    MongoDatabase database;

    MongoCollection<Document> codes;

    @PostConstruct
    void open() {
        codes = Stores.critical(database.getCollection("account_codes"));
        codes.createIndex(Indexes.ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    private static String codeId(String digest) {
        return "code:" + digest;
    }

    private static String newestId(Purpose purpose, String userId) {
        return "newest:" + purpose.name().toLowerCase() + ":" + userId;
    }

    @Override
    public void issue(String userId, Purpose purpose, String digest, Instant expiresAt) {
        codes.insertOne(new Document("_id", codeId(digest)).append("user_id", userId).append("purpose", purpose.name())
                .append("expires_at", Date.from(expiresAt)));
        codes.replaceOne(Filters.eq("_id", newestId(purpose, userId)), new Document("_id", newestId(purpose, userId))
                .append("digest", digest).append("expires_at", Date.from(expiresAt)), new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<Redeemed> redeem(Purpose purpose, String digest) {
        Document code = codes.findOneAndDelete(Filters.eq("_id", codeId(digest)));
        return newest(code, purpose, digest);
    }

    @Override
    public Optional<Redeemed> find(Purpose purpose, String digest) {
        return newest(codes.find(Filters.eq("_id", codeId(digest))).first(), purpose, digest);
    }

    private Optional<Redeemed> newest(Document code, Purpose purpose, String digest) {
        if (code == null || !purpose.name().equals(code.getString("purpose"))) {
            return Optional.empty();
        }
        String userId = code.getString("user_id");
        Document newest = codes.find(Filters.eq("_id", newestId(purpose, userId))).first();
        if (newest == null || !digest.equals(newest.getString("digest"))) {
            return Optional.empty();
        }
        return Optional.of(new Redeemed(userId, code.getDate("expires_at").toInstant()));
    }
}
