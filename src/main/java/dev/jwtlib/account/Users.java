package dev.jwtlib.account;

import dev.jwtlib.error.Conflict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The user accounts: what the features need of the store. Usernames and emails are unique, and
 * the store enforces it (two concurrent registrations cannot both win).
 */
public interface Users {

    Optional<User> byUsername(String canonicalUsername);

    Optional<User> byId(String id);

    /** The user with this address ({@link AccountRules#emailKey}). */
    Optional<User> byEmailKey(String emailKey);

    /**
     * The field that is already taken by another user, {@code username} or {@code email}, if any:
     * a cheap check before work such as hashing a password. {@link #insert} still decides.
     */
    Optional<String> taken(String canonicalUsername, String emailKey);

    /**
     * @throws Conflict when the username or the email is taken
     */
    User insert(User user);

    /**
     * Changes only the fields the update names, so that concurrent changes of other fields (an
     * admin deactivating a user while the user changes their password) are not lost.
     *
     * @return the user as stored after the change, or empty when there is no such user
     */
    Optional<User> update(String id, UserUpdate update, Instant now);

    /**
     * Moves the user's {@linkplain User#sessionEpoch() session epoch} on, in one atomic step: no
     * login begun before it can be refreshed any more.
     */
    void endSessions(String id);

    /** @return whether a user was deleted */
    boolean delete(String id);

    /** One page of the users whose username starts with {@code prefix} ("" for all), ordered by username. */
    List<User> page(String prefix, long offset, long limit);

    /** How many users' usernames start with {@code prefix} ("" for all). */
    long count(String prefix);
}
