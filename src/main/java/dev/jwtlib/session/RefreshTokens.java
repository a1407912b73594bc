package dev.jwtlib.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Logins and their refresh tokens, one {@link Login} per login. {@link #rotate} is the
 * single-use check: one atomic step in the store, so that of two concurrent refreshes of the
 * same token exactly one sees it live, and a token that is not live (made up, spent) changes
 * nothing the next check depends on. The store may remove a login once it has ended for good
 * ({@link Login#endsAt()}).
 */
public interface RefreshTokens {

    /** How many spent tokens a login remembers, for reuse detection. */
    int SPENT_KEPT = 8;

    /** Where a login remembers the spent token of a generation: the last {@link #SPENT_KEPT} generations each have their own. */
    static int slot(long generation) {
        return (int) Math.floorMod(generation, (long) SPENT_KEPT);
    }

    void start(Login login);

    /**
     * In one atomic step: if {@code digest} is live, moves it to the spent slot of
     * {@code generation} (replacing what was there); in any case makes {@code next} live until
     * {@code nextExpiresAt}. The rotation won when the login as it was before had {@code digest}
     * live; if it did not, {@link #undo} takes {@code next} back.
     *
     * @return the login before the change, or empty when there is no such login
     */
    Optional<Login> rotate(String login, long generation, String digest, String next, Instant nextExpiresAt);

    /** Takes back a {@link #rotate} that did not win: {@code next} is not live. */
    void undo(String login, String next);

    /**
     * Takes back a {@link #rotate} that won but whose exchange failed afterwards (the store or the
     * signing key failed): {@code digest} is live again, with its expiry, and {@code next} is not.
     */
    void restore(String login, long generation, String digest, String next);

    Optional<Login> find(String login);

    /** Ends a login: none of its refresh tokens works any more. */
    void end(String login, Instant now);

    /** Ends every login of a user. */
    void endUser(String userId, Instant now);
}
