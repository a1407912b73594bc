package dev.jwtlib.account;

/**
 * Ends every session of a user: all refresh token families and all access tokens issued so far.
 * Implemented where sessions live; an interface here keeps accounts free of session details.
 */
public interface UserSessions {

    void endAll(User user);
}
