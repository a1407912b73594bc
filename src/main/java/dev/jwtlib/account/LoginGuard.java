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
import org.bson.Document;

/**
 * Brute-force protection per name, kept in the store ({@code login_failures}) so that every
 * instance shares it. Each entry holds the consecutive {@code failures}, the password checks
 * {@code inflight} right now, and {@code locked_until}.
 * <ul>
 *   <li>A check is admitted only while {@code failures + inflight} stays within the limit, decided
 *       in one atomic update before the password is checked: parallel guesses cannot slip past
 *       the limit. A check over it is refused for a second without locking anything, so that an
 *       account logging in from several places at once is not locked by its own successes.</li>
 *   <li>A failure counts; the one that reaches the limit locks the name for the lockout time,
 *       during which even the right password gets {@code 429}. A success clears the failures.</li>
 *   <li>Names without an account are counted the same way, so a lockout tells nothing about
 *       existence.</li>
 * </ul>
 * Every admitted check must end in exactly one {@link #succeeded}, {@link #failed} or {@link #abandoned}.
 */
public final class LoginGuard {

    private static final int DUPLICATE_KEY = 11000;
    /** In-flight checks older than this were lost (an instance stopped mid-check) and no longer count. */
    static final Duration STALE = Duration.ofMinutes(2);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

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
     * Admits one password check for {@code name}; end it with {@link #succeeded} or {@link #failed}.
     *
     * @throws TooManyFailures while the name is locked, or (for a second) while as many checks are
     *                         under way as it has failures left
     */
    public void attempt(String name) {
        Instant now = clock.instant();
        Document before = admit(name, now);
        int inflight = 1;
        int failures = 0;
        if (before != null) {
            failures = before.getInteger("failures", 0);
            Date lastAttempt = before.getDate("attempted_at");
            if (lastAttempt != null && lastAttempt.toInstant().plus(STALE).isBefore(now)) {
                // nothing has been checked for this name for a while: what still counts as in flight was lost
                attempts.updateOne(Filters.eq("_id", name), Updates.set("inflight", 1));
            } else {
                inflight += before.getInteger("inflight", 0);
            }
            Date lockedUntil = before.getDate("locked_until");
            if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                release(name);
                throw new TooManyFailures(Duration.between(now, lockedUntil.toInstant()));
            }
        }
        if (failures + inflight > settings.maxFailures()) {
            release(name);
            throw new TooManyFailures("Too many logins for this account at once; try again in a second.", BUSY_RETRY, false);
        }
    }

    /** The password was right: the failures start afresh. */
    public void succeeded(String name) {
        attempts.updateOne(Filters.eq("_id", name), Updates.combine(Updates.set("failures", 0), Updates.inc("inflight", -1)));
    }

    /**
     * The password was wrong (or the account unusable): one more failure, and the lock at the limit.
     *
     * @return whether this failure locked the name
     */
    public boolean failed(String name) {
        Document after = attempts.findOneAndUpdate(Filters.eq("_id", name),
                Updates.combine(Updates.inc("failures", 1), Updates.inc("inflight", -1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after != null && after.getInteger("failures", 0) >= settings.maxFailures()) {
            Instant until = clock.instant().plus(settings.lockout());
            long locked = attempts.updateOne(
                    Filters.and(Filters.eq("_id", name), Filters.gte("failures", settings.maxFailures())),
                    Updates.combine(Updates.set("failures", 0), Updates.set("locked_until", Date.from(until)),
                            Updates.set("expires_at", Date.from(until.plus(Duration.ofDays(1)))))).getModifiedCount();
            return locked > 0;
        }
        return false;
    }

    /** The check could not be made (the store or the hasher failed): it counts neither way. */
    public void abandoned(String name) {
        release(name);
    }

    private void release(String name) {
        attempts.updateOne(Filters.eq("_id", name), Updates.inc("inflight", -1));
    }

    /** Adds one in-flight check in one atomic update and returns the entry as it was before. */
    private Document admit(String name, Instant now) {
        for (int tries = 0; ; tries++) {
            try {
                return attempts.findOneAndUpdate(Filters.eq("_id", name),
                        Updates.combine(Updates.inc("inflight", 1), Updates.set("attempted_at", Date.from(now)),
                                Updates.set("expires_at", Date.from(now.plus(settings.lockout()).plus(Duration.ofDays(1))))),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
            } catch (MongoServerException e) {
                // two first attempts raced to create the entry: counting again finds it
                if (e.getCode() != DUPLICATE_KEY || tries >= 2) {
                    throw e;
                }
            }
        }
    }
}
