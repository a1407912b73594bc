package dev.jwtlib.token;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.token.Revocation.Kind;
import dev.jwtlib.verify.TokenSettings;
import dev.jwtlib.verify.VerifiedToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ended tokens, logins and users, kept in the store ({@link Revocations}) and mirrored in memory,
 * so that checking a token costs no store round trip. The mirror takes local changes at once and
 * other instances' changes by reading the store at most every {@link #POLL_INTERVAL}.
 */
@ApplicationScoped
public class RevocationList {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** How far back each poll looks, to cover clock differences between instances. */
    static final Duration POLL_OVERLAP = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(RevocationList.class.getName());

    private SecurityEvents events;
    private Revocations store;
    private Clock clock;

    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    /** user id → tokens issued before this instant are void. */
    private final Map<String, Instant> users = new ConcurrentHashMap<>();
    private final ReentrantLock polling = new ReentrantLock();
    private volatile Instant lastPoll = Instant.EPOCH;
    private volatile Instant lastAttempt = Instant.EPOCH;

    @Inject
    public RevocationList(Revocations store, SecurityEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    RevocationList() {
    }

    /** Reads what other instances recorded; called once at start-up. */
    @PostConstruct
    public void load() {
        poll();
    }

    /** Voids one access token (by {@code jti}) until it expires. */
    public void revokeToken(String jti, Instant expiresAt) {
        Instant lastValid = expiresAt.plus(TokenSettings.CLOCK_SKEW);
        record(Kind.TOKEN, jti, lastValid, lastValid);
    }

    /** Voids every access token of one login (its {@code sid}) until {@code until}. */
    public void revokeSession(String sessionId, Instant until) {
        record(Kind.SESSION, sessionId, until, until);
    }

    /** Voids every access token of a user issued before now; kept as long as such a token can live. */
    public void revokeUser(String userId, Duration tokenTtl) {
        Instant now = clock.instant();
        record(Kind.USER, userId, now, now.plus(tokenTtl).plus(TokenSettings.CLOCK_SKEW));
    }

    /** Whether the token was revoked, by itself, with its login or with its user. */
    public boolean isRevoked(VerifiedToken token) {
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
     * mirror (no store round trip): for what was cached about the user since then.
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

    private void record(Kind kind, String value, Instant at, Instant expiresAt) {
        store.put(new Revocation(kind, value, at, clock.instant(), expiresAt));
        apply(kind, value, at);
        events.revocation(kind.name().toLowerCase(Locale.ROOT));
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
            for (Revocation entry : store.recordedSince(lastPoll.minus(POLL_OVERLAP), now)) {
                apply(entry.kind(), entry.value(), entry.at());
            }
            lastPoll = now;
            forgetExpired(now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "jwtlib: cannot read revocations from the store; keeping the last known list", e);
        }
    }

    private void forgetExpired(Instant now) {
        Instant horizon = now.minus(TokenSettings.CLOCK_SKEW);
        tokens.values().removeIf(expiry -> expiry.isBefore(horizon));
        sessions.values().removeIf(expiry -> expiry.isBefore(horizon));
    }
}
