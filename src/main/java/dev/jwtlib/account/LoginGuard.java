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
        if (counted == null) {
            throw locked(name, now);
        }
        if (counted.getInteger("count", 0) > settings.maxFailures()) {
            attempts.updateOne(Filters.eq("_id", name), Updates.combine(Updates.set("count", 0),
                    Updates.set("locked_until", Date.from(now.plus(settings.lockout())))));
            LOG.info(() -> "jwtlib audit: locked after " + settings.maxFailures() + " failed attempts name=" + name
                    + " for " + settings.lockout());
            throw new TooManyFailures(settings.lockout());
        }
    }

    /** Adds one to an unlocked name's count; {@code null} when the name is locked. */
    private Document count(String name, Instant now) {
        for (int tries = 0; tries < 3; tries++) {
            try {
                return attempts.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", name),
                                Filters.or(Filters.eq("locked_until", null), Filters.lte("locked_until", Date.from(now)))),
                        Updates.combine(Updates.inc("count", 1),
                                Updates.set("expires_at", Date.from(now.plus(settings.lockout()).plus(Duration.ofDays(1))))),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            } catch (MongoServerException e) {
                if (e.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                // Either the entry is locked (the filter did not match it), or another attempt
                // created it a moment ago: then counting again matches it.
                Document entry = attempts.find(Filters.eq("_id", name)).first();
                Date until = entry == null ? null : entry.getDate("locked_until");
                if (until != null && until.toInstant().isAfter(now)) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The password was right: the count starts afresh. */
    public void succeeded(String name) {
        attempts.deleteOne(Filters.eq("_id", name));
    }

    private TooManyFailures locked(String name, Instant now) {
        Document entry = attempts.find(Filters.eq("_id", name)).first();
        Date until = entry == null ? null : entry.getDate("locked_until");
        Duration left = until == null ? Duration.ofSeconds(1) : Duration.between(now, until.toInstant());
        return new TooManyFailures(left.isNegative() ? Duration.ofSeconds(1) : left);
    }
}
