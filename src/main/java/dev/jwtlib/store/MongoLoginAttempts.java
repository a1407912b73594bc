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
 * {@link LoginAttempts} in the collection {@code login_failures}: each operation one atomic
 * update ({@code $inc}, {@code findOneAndUpdate}); a TTL index removes entries no longer needed.
 */
@ApplicationScoped
@Typed(LoginAttempts.class)
class MongoLoginAttempts implements LoginAttempts {

    @Inject
    MongoDatabase database;

    private MongoCollection<Document> attempts;

    @PostConstruct
    void open() {
        attempts = database.getCollection("login_failures");
        attempts.createIndex(Indexes.ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public Counts admit(String name, Instant now, Instant keepUntil) {
        for (int tries = 0; ; tries++) {
            try {
                Document before = attempts.findOneAndUpdate(Filters.eq("_id", name),
                        Updates.combine(Updates.inc("inflight", 1), Updates.set("attempted_at", Date.from(now)),
                                Updates.set("expires_at", Date.from(keepUntil))),
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
    public void resetInflight(String name, int inflight) {
        attempts.updateOne(Filters.eq("_id", name), Updates.set("inflight", inflight));
    }

    @Override
    public void succeeded(String name) {
        attempts.updateOne(Filters.eq("_id", name), Updates.combine(Updates.set("failures", 0), Updates.inc("inflight", -1)));
    }

    @Override
    public int failed(String name) {
        Document after = attempts.findOneAndUpdate(Filters.eq("_id", name),
                Updates.combine(Updates.inc("failures", 1), Updates.inc("inflight", -1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return after == null ? 0 : after.getInteger("failures", 0);
    }

    @Override
    public boolean lockIfAtLeast(String name, int limit, Instant until, Instant keepUntil) {
        return attempts.updateOne(Filters.and(Filters.eq("_id", name), Filters.gte("failures", limit)),
                Updates.combine(Updates.set("failures", 0), Updates.set("locked_until", Date.from(until)),
                        Updates.set("expires_at", Date.from(keepUntil)))).getModifiedCount() > 0;
    }

    @Override
    public void release(String name) {
        attempts.updateOne(Filters.eq("_id", name), Updates.inc("inflight", -1));
    }

    private static Counts counts(Document d) {
        Date attempted = d.getDate("attempted_at");
        Date locked = d.getDate("locked_until");
        return new Counts(d.getInteger("failures", 0), d.getInteger("inflight", 0),
                attempted == null ? null : attempted.toInstant(), locked == null ? null : locked.toInstant());
    }
}
