package dev.jwtlib.account;

import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.jwtlib.error.TooManyFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Counts password attempts per name in the store ({@code login_failures}), so that every
 * instance shares the count, and locks the name for a while after too many consecutive failures.
 * An attempt is counted <em>before</em> its password is checked, in one atomic update, so that
 * parallel guesses cannot slip past the limit; a success removes the count. Names without an
 * account are counted the same way, so a lockout tells nothing about existence.
 */
public final class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class.getName());
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> attempts;
    private final LoginSettings settings;
    private final Clock clock;

    public LoginGuard(MongoDatabase database, LoginSettings settings, Clock clock) {
        this.attempts = database.getCollection("login_failures");
        this.settings = settings;
        this.clock = clock;
        attempts.createIndex(Indexes.ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /**
     * Counts one attempt for {@code name}, to be cleared by {@link #succeeded} if the password
     * is right.
     *
     * @throws TooManyFailures while the name is locked, or when this attempt is one too many
     *                         (which locks it)
     */
    public void attempt(String name) {
        Instant now = clock.instant();
        Document counted = count(name, now);
        Date lockedUntil = counted.getDate("locked_until");
        if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
            // attempts during a lockout are not counted: the count restarts when it ends
            attempts.updateOne(Filters.eq("_id", name), Updates.inc("count", -1));
            throw new TooManyFailures(Duration.between(now, lockedUntil.toInstant()));
        }
        if (counted.getInteger("count", 0) > settings.maxFailures()) {
            attempts.updateOne(Filters.eq("_id", name), Updates.combine(Updates.set("count", 0),
                    Updates.set("locked_until", Date.from(now.plus(settings.lockout())))));
            LOG.info(() -> "jwtlib audit: locked after " + settings.maxFailures() + " failed attempts name=" + name
                    + " for " + settings.lockout());
            throw new TooManyFailures(settings.lockout());
        }
    }

    /** Adds one to the name's count in one atomic update and returns the entry after it. */
    private Document count(String name, Instant now) {
        for (int tries = 0; ; tries++) {
            try {
                return attempts.findOneAndUpdate(Filters.eq("_id", name),
                        Updates.combine(Updates.inc("count", 1),
                                Updates.set("expires_at", Date.from(now.plus(settings.lockout()).plus(Duration.ofDays(1))))),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            } catch (MongoServerException e) {
                // two first attempts raced to create the entry: counting again finds it
                if (e.getCode() != DUPLICATE_KEY || tries >= 2) {
                    throw e;
                }
            }
        }
    }

    /** The password was right: the count starts afresh. */
    public void succeeded(String name) {
        attempts.deleteOne(Filters.eq("_id", name));
    }
}
