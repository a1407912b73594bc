package dev.jwtlib.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.jwtlib.account.LoginAttempts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * {@link LoginAttempts} in the collection {@code login_failures}: one document per account and
 * source ({@code _id} {@code pair:<account>|<source>}) and one per account
 * ({@code account:<account>}); each operation one atomic update ({@code $inc},
 * {@code findOneAndUpdate}). A TTL index removes entries no longer needed; the failures of an
 * existing account have no expiry (they are its lock).
 */
@ApplicationScoped
@Typed(LoginAttempts.class)
class MongoLoginAttempts implements LoginAttempts {

    @Inject
    MongoDatabase database;

    MongoCollection<Document> attempts;

    @PostConstruct
    void open() {
        attempts = Stores.critical(database.getCollection("login_failures"));
        attempts.createIndex(Indexes.ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        attempts.createIndex(Indexes.ascending("account"));
    }

    private static String pair(String account, String source) {
        return "pair:" + account + "|" + source;
    }

    private static String accountId(String account) {
        return "account:" + account;
    }

    @Override
    public int accountFailures(String name) {
        Document d = attempts.find(Filters.eq("_id", accountId(name))).first();
        return d == null ? 0 : d.getInteger("failures", 0);
    }

    @Override
    public Counts admit(String name, String source, Instant now, Instant keepUntil) {
        for (int tries = 0; ; tries++) {
            try {
                Document before = attempts.findOneAndUpdate(Filters.eq("_id", pair(name, source)),
                        Updates.combine(Updates.inc("inflight", 1), Updates.set("attempted_at", Date.from(now)),
                                Updates.set("account", name), Updates.max("expires_at", Date.from(keepUntil))),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
                return before == null ? Counts.NONE : counts(before);
            } catch (RuntimeException e) {
                // two first attempts raced to create the entry: counting again finds it
                if (!DuplicateKeys.is(e) || tries >= 2) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void resetInflight(String name, String source, int inflight) {
        attempts.updateOne(Filters.eq("_id", pair(name, source)), Updates.set("inflight", inflight));
    }

    @Override
    public void succeeded(String name, String source) {
        attempts.updateOne(Filters.eq("_id", pair(name, source)),
                Updates.combine(Updates.set("failures", 0), Updates.inc("inflight", -1)));
        attempts.updateOne(Filters.eq("_id", accountId(name)), Updates.set("failures", 0));
    }

    @Override
    public Failures failed(String name, String source, Instant now, Instant keepUntil, boolean known) {
        Document pair = attempts.findOneAndUpdate(Filters.eq("_id", pair(name, source)),
                Updates.combine(Updates.inc("failures", 1), Updates.inc("inflight", -1),
                        Updates.set("last_failed_at", Date.from(now)), Updates.max("expires_at", Date.from(keepUntil))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        Document account = attempts.findOneAndUpdate(Filters.eq("_id", accountId(name)),
                Updates.combine(Updates.inc("failures", 1), Updates.set("account", name),
                        known ? Updates.unset("expires_at") : Updates.max("expires_at", Date.from(keepUntil))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return new Failures(pair == null ? 0 : pair.getInteger("failures", 0), account.getInteger("failures", 0));
    }

    @Override
    public void release(String name, String source) {
        attempts.updateOne(Filters.eq("_id", pair(name, source)), Updates.inc("inflight", -1));
    }

    @Override
    public void unlock(String name) {
        attempts.deleteMany(Filters.eq("account", name));
        attempts.deleteOne(Filters.eq("_id", accountId(name)));
    }

    private static Counts counts(Document d) {
        Date attempted = d.getDate("attempted_at");
        Date lastFailed = d.getDate("last_failed_at");
        return new Counts(d.getInteger("failures", 0), d.getInteger("inflight", 0),
                attempted == null ? null : attempted.toInstant(), lastFailed == null ? null : lastFailed.toInstant());
    }
}
