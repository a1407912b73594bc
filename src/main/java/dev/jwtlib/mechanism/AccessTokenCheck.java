package dev.jwtlib.mechanism;

import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.verify.VerifiedToken;

/**
 * Turns a presented bearer token into verified claims, one implementation per {@link Mode},
 * each marked with {@link ForMode}. The mechanism and its error behaviour are the same for all.
 */
public interface AccessTokenCheck {

    /**
     * @throws InvalidToken           when the token is malformed, refused, expired or revoked ({@code 401})
     * @throws AuthServiceUnavailable when what the check depends on cannot be reached ({@code 503})
     */
    VerifiedToken verify(String token);

    /** One line for the start-up log: where tokens are checked and with which settings. */
    String describe();
}
