package dev.jwtlib.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens, one family per login. {@link #markUsed} is the single-use check: one atomic
 * step in the store, so that of two concurrent refreshes of the same token exactly one sees it
 * unused. Expired tokens may be removed by the store at any time.
 */
public interface RefreshTokens {

    void insert(RefreshToken token, Instant now);

    /**
     * Marks the token used, in one atomic step, and returns it as it was before: of parallel
     * calls for one digest, exactly one gets it back with {@code used == false}.
     *
     * @return the token before the change, or empty when there is none with this digest
     */
    Optional<RefreshToken> markUsed(String digest, Instant now);

    Optional<RefreshToken> find(String digest);

    /** Uses up every unused token of a login, so that none of them can be exchanged any more. */
    void endFamily(String family, Instant now);

    /** Uses up every unused token of a user. */
    void endUser(String userId, Instant now);
}
