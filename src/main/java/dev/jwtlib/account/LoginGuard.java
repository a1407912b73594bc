package dev.jwtlib.account;

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
 * Counts consecutive failed logins per (canonical) username in the store ({@code login_failures}),
 * so that every instance shares the count, and locks the name for a while after too many. Names
 * without an account are counted the same way, so a lockout tells nothing about existence.
 */
public final class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class.getName());

    private final MongoCollection<Document> failures;
    private final LoginSettings settings;
    private final Clock clock;

    public LoginGuard(MongoDatabase database, LoginSettings settings, Clock clock) {
        this.failures = database.getCollection("login_failures");
        this.settings = settings;
        this.clock = clock;
        failures.createIndex(Indexes.ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /**
     * @throws TooManyFailures while the name is locked
     */
    public void requireNotLocked(String username) {
        Document entry = failures.find(Filters.eq("_id", username)).first();
        Date lockedUntil = entry == null ? null : entry.getDate("locked_until");
        Instant now = clock.instant();
        if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
            throw new TooManyFailures(Duration.between(now, lockedUntil.toInstant()));
        }
    }

    /** Counts one failure (atomically); the failure that reaches the limit locks the name. */
    public void failed(String username) {
        Instant now = clock.instant();
        Document entry = failures.findOneAndUpdate(Filters.eq("_id", username),
                Updates.combine(Updates.inc("count", 1), Updates.set("last_failure", Date.from(now)),
                        Updates.set("expires_at", Date.from(now.plus(settings.lockout()).plus(Duration.ofDays(1))))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        if (entry != null && entry.getInteger("count", 0) >= settings.maxFailures()) {
            failures.updateOne(Filters.eq("_id", username), Updates.combine(Updates.set("count", 0),
                    Updates.set("locked_until", Date.from(now.plus(settings.lockout())))));
            LOG.info(() -> "jwtlib audit: account locked after " + settings.maxFailures()
                    + " failed logins username=" + username + " for " + settings.lockout());
        }
    }

    /** A successful login starts the count afresh. */
    public void succeeded(String username) {
        failures.deleteOne(Filters.eq("_id", username));
    }
}
