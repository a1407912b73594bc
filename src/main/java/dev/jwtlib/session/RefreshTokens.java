package dev.jwtlib.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Logins and their refresh tokens, one {@link Login} per login. {@link #rotate} is the
 * single-use check: one atomic step in the store, so that of two concurrent refreshes of the
 * same token exactly one sees it live. The store may remove a login once it has ended for good
 * ({@link Login#endsAt()}).
 */
public interface RefreshTokens {

    /** How many spent tokens a login remembers, for reuse detection. */
    int SPENT_KEPT = 8;

    void start(Login login);

    /**
     * In one atomic step: takes {@code digest} out of the login's live tokens, adds it to the
     * spent ones (the last {@link #SPENT_KEPT}), and makes {@code next} live until
     * {@code nextExpiresAt}. Whether that was an exchange is the caller's to decide from the login
     * as it was before; if it was not, {@link #undo} takes it back.
     *
     * @return the login before the change, or empty when there is no such login
     */
    Optional<Login> rotate(String login, String digest, String next, Instant nextExpiresAt);

    /**
     * Takes back a {@link #rotate} that was no exchange: {@code next} is not live, and
     * {@code digest} is not among the spent tokens unless {@code keepSpent} (it was spent before).
     */
    void undo(String login, String digest, String next, boolean keepSpent);

    Optional<Login> find(String login);

    /** Ends a login: none of its refresh tokens works any more. */
    void end(String login, Instant now);

    /** Ends every login of a user. */
    void endUser(String userId, Instant now);
}
