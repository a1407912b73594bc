package dev.jwtlib.token;

import dev.jwtlib.audit.SecurityEvents;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Ended tokens, logins and users, kept in the store ({@code revocations}, each entry removed by a
 * TTL index once nothing it covers can still be valid) and mirrored in memory, so that checking a
 * token costs no store round trip. The mirror takes local changes at once and other instances'
 * changes by polling the store at most every {@link #POLL_INTERVAL}.
 */
@ApplicationScoped
public class RevocationList {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** How far back each poll looks, to cover clock differences between instances. */
    private static final Duration POLL_OVERLAP = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(RevocationList.class.getName());

    private enum Kind { TOKEN, SESSION, USER }

    @Inject
    SecurityEvents events;
    @Inject
    MongoDatabase database;
    @Inject
    Clock clock;

    private MongoCollection<Document> collection;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    /** user id → tokens issued before this instant are void. */
    private final Map<String, Instant> users = new ConcurrentHashMap<>();
    private final ReentrantLock polling = new ReentrantLock();
    private volatile Instant lastPoll = Instant.EPOCH;
    private volatile Instant lastAttempt = Instant.EPOCH;

    @PostConstruct
    void open() {
        collection = database.getCollection("revocations");
        collection.createIndex(Indexes.ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        collection.createIndex(Indexes.ascending("created_at"));
        poll();
    }

    /** Voids one access token (by {@code jti}) until it expires. */
    public void revokeToken(String jti, Instant expiresAt) {
        Instant lastValid = expiresAt.plus(TokenSettings.CLOCK_SKEW);
        record(Kind.TOKEN, jti, lastValid, lastValid);
    }

    /** Voids every access token of one login (its {@code sid}) issued until now. */
    public void revokeSession(String sessionId, Instant until) {
        record(Kind.SESSION, sessionId, until, until);
    }

    /**
     * Voids every access token of a user issued before now; kept as long as such a token can live.
     */
    public void revokeUser(String userId, Duration tokenTtl) {
        Instant now = clock.instant();
        record(Kind.USER, userId, now, now.plus(tokenTtl).plus(TokenSettings.CLOCK_SKEW));
    }

    /** Whether the token was revoked, by itself, with its login or with its user. */
    boolean isRevoked(VerifiedToken token) {
        pollIfDue();
        if (tokens.containsKey(token.jti())) {
            return true;
        }
        if (token.sessionId() != null && sessions.containsKey(token.sessionId())) {
            return true;
        }
        Instant notBefore = users.get(token.subject());
        // iat has whole seconds: a token from the second of the revocation counts as before it.
        return notBefore != null && !token.issuedAt().isAfter(notBefore);
    }

    /**
     * The earliest {@code iat} a new token of this user may carry: after a user-wide revocation
     * in the current second, the next whole second, so that the new token is not caught by it.
     */
    Instant earliestIssueTime(String userId, Instant now) {
        Instant second = Instant.ofEpochSecond(now.getEpochSecond());
        Instant notBefore = users.get(userId);
        if (notBefore != null && !second.isAfter(notBefore)) {
            return Instant.ofEpochSecond(notBefore.getEpochSecond() + 1);
        }
        return second;
    }

    /**
     * Whether the user's sessions were ended at or after {@code since}, from the in-memory
     * mirror (no store round trip): for credentials cached since then.
     */
    public boolean userEndedSince(String userId, Instant since) {
        pollIfDue();
        Instant ended = users.get(userId);
        return ended != null && !ended.isBefore(since);
    }

    /**
     * Whether a login was ended, from the in-memory mirror: used by refresh before its claim. (The
     * claim is what refuses, at once, a token of a login ended on another instance: ending a
     * login spends its unused refresh tokens in the store.)
     */
    public boolean sessionEnded(String sessionId) {
        pollIfDue();
        return sessions.containsKey(sessionId);
    }

    private void record(Kind kind, String value, Instant effective, Instant expiresAt) {
        Instant now = clock.instant();
        Document entry = new Document("_id", kind + ":" + value)
                .append("kind", kind.name())
                .append("value", value)
                .append("at", Date.from(effective))
                .append("created_at", Date.from(now))
                .append("expires_at", Date.from(expiresAt));
        collection.replaceOne(Filters.eq("_id", entry.get("_id")), entry, new ReplaceOptions().upsert(true));
        apply(kind, value, effective);
        events.revocation(kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void apply(Kind kind, String value, Instant at) {
        switch (kind) {
            case TOKEN -> tokens.put(value, at);
            case SESSION -> sessions.put(value, at);
            case USER -> users.merge(value, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private void pollIfDue() {
        // lastAttempt, not lastPoll: while the store is down, one request per interval tries.
        if (Duration.between(lastAttempt, clock.instant()).compareTo(POLL_INTERVAL) >= 0 && polling.tryLock()) {
            try {
                poll();
            } finally {
                polling.unlock();
            }
        }
    }

    private void poll() {
        Instant now = clock.instant();
        lastAttempt = now;
        try {
            for (Document entry : collection.find(Filters.and(
                    Filters.gte("created_at", Date.from(lastPoll.minus(POLL_OVERLAP))),
                    Filters.gt("expires_at", Date.from(now))))) {
                apply(Kind.valueOf(entry.getString("kind")), entry.getString("value"), entry.getDate("at").toInstant());
            }
            lastPoll = now;
            forgetExpired(now);
        } catch (MongoException e) {
            LOG.log(Level.WARNING, "jwtlib: cannot read revocations from the store; keeping the last known list", e);
        }
    }

    private void forgetExpired(Instant now) {
        Instant horizon = now.minus(TokenSettings.CLOCK_SKEW);
        tokens.values().removeIf(expiry -> expiry.isBefore(horizon));
        sessions.values().removeIf(expiry -> expiry.isBefore(horizon));
    }
}
