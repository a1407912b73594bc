package dev.jwtlib.session;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.jwtlib.account.User;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Refresh tokens, stored only as SHA-256 digests ({@code refresh_tokens}), one family per login.
 * Single use is one conditional update in the store, so of two concurrent refreshes of the same
 * token exactly one wins. Expired entries are removed by a TTL index.
 *
 * <p>Each entry also records its user's name, so that the audit line of a reuse names the user
 * without reading them. A refresh reads the current user (see {@link SessionService#refresh}).
 */
@ApplicationScoped
public class RefreshTokens {

    /** A stored refresh token; {@code username} is kept for the audit line of a reuse. */
    public record Entry(String digest, String family, String userId, String username, Instant familyStart,
                        boolean used, boolean ended, Instant expiresAt) {
    }

    @Inject
    MongoDatabase database;

    private MongoCollection<Document> collection;

    @PostConstruct
    void open() {
        collection = database.getCollection("refresh_tokens");
        collection.createIndex(Indexes.ascending("expires_at"),
                new IndexOptions().expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS));
        collection.createIndex(Indexes.ascending("family"));
        // ending a user's sessions (role change, deactivation, deletion) finds their tokens by
        // user: without this index a real MongoDB scans every refresh token of every user
        collection.createIndex(Indexes.ascending("user_id"));
    }

    /**
     * @param familyStart when the login that began this family happened
     */
    public void insert(String digest, String family, User user, Instant familyStart, Instant now,
                       Instant expiresAt) {
        collection.insertOne(new Document("_id", digest)
                .append("family", family)
                .append("user_id", user.id())
                .append("username", user.username())
                .append("family_start", Date.from(familyStart))
                .append("used", false)
                .append("created_at", Date.from(now))
                .append("expires_at", Date.from(expiresAt)));
    }

    /**
     * Marks an unused, unexpired token used and returns it; empty when it was not such a token.
     * One atomic update by {@code _id} alone, returning the token as it was: of parallel claims
     * exactly one sees it unused. (A filter on more than {@code _id} would be just as atomic in
     * MongoDB, but the embedded store then scans the whole collection: the claim took longer with
     * every token ever issued.)
     */
    public Optional<Entry> claim(String digest, Instant now) {
        Document before = collection.findOneAndUpdate(Filters.eq("_id", digest),
                Updates.combine(Updates.set("used", true), Updates.min("used_at", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return Optional.empty();
        }
        Entry entry = entry(before);
        if (entry.used() || entry.ended() || !entry.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Entry(entry.digest(), entry.family(), entry.userId(), entry.username(),
                entry.familyStart(), true, false, entry.expiresAt()));
    }

    public Optional<Entry> find(String digest) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", digest)).first()).map(RefreshTokens::entry);
    }

    /** Uses up every token of a family, so none of them can be refreshed again. */
    public void endFamily(String family, Instant now) {
        collection.updateMany(Filters.and(Filters.eq("family", family), Filters.eq("used", false)),
                ended(now));
    }

    /** Uses up every token of a user (deletion, deactivation). */
    public void endUser(String userId, Instant now) {
        collection.updateMany(Filters.and(Filters.eq("user_id", userId), Filters.eq("used", false)), ended(now));
    }

    private static org.bson.conversions.Bson ended(Instant now) {
        return Updates.combine(Updates.set("used", true), Updates.set("ended", true), Updates.set("used_at", Date.from(now)));
    }

    private static Entry entry(Document d) {
        return new Entry(d.getString("_id"), d.getString("family"), d.getString("user_id"), d.getString("username"),
                d.getDate("family_start").toInstant(), Boolean.TRUE.equals(d.getBoolean("used")),
                Boolean.TRUE.equals(d.getBoolean("ended")), d.getDate("expires_at").toInstant());
    }
}
