package dev.jwtlib.admin;

import dev.jwtlib.account.AccountRules;
import dev.jwtlib.account.AccountService;
import dev.jwtlib.account.User;
import dev.jwtlib.account.UserSessions;
import dev.jwtlib.account.UserUpdate;
import dev.jwtlib.account.Users;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.Conflict;
import dev.jwtlib.error.UserNotFound;
import dev.jwtlib.lifecycle.PasswordReset;
import dev.jwtlib.mfa.SecondFactorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What an administrator may do to users. Deactivating a user, changing their roles or deleting
 * them ends every token they hold, at once on this instance.
 */
@ApplicationScoped
public class UserAdministration {

    private static final Logger LOG = Logger.getLogger(UserAdministration.class.getName());

    @Inject
    SecurityEvents events;
    @Inject
    Users users;
    @Inject
    UserSessions sessions;
    @Inject
    AccountService accounts;
    @Inject
    PasswordReset passwordReset;
    @Inject
    SecondFactorService secondFactor;
    @Inject
    Clock clock;

    /**
     * @throws UserNotFound when no user has that (canonical) username
     */
    public User get(String username) {
        return users.byUsername(AccountRules.canonicalUsername(username))
                .orElseThrow(() -> new UserNotFound(username));
    }

    /** One page of the users whose username starts with {@code prefix} (as typed: it is canonicalised like a username). */
    public List<User> page(String prefix, long offset, long limit) {
        return users.page(prefix, offset, limit);
    }

    public long count(String prefix) {
        return users.count(prefix);
    }

    /** Applies the given changes; a change of activity or roles ends the user's current tokens. */
    public User change(String username, UserPatch patch, String by) {
        User user = get(username);
        Boolean active = patch.active() != null && patch.active() != user.active() ? patch.active() : null;
        List<String> roles = patch.roles() == null ? null : patch.roles().stream().distinct().sorted().toList();
        if (roles != null && roles.equals(user.roles().stream().sorted().toList())) {
            roles = null;
        }
        UserUpdate update = new UserUpdate(null, active, roles);
        if (update.isEmpty()) {
            return user;
        }
        // Sessions end first, so that a failure anywhere leaves either nothing changed or the old
        // tokens ended: a retry then finds the change still to make. They end again after the
        // change, for a login that raced it.
        sessions.endAll(user);
        User saved = users.update(user.id(), update, clock.instant()).orElseThrow(() -> new UserNotFound(username));
        sessions.endAll(saved);
        events.userAdministration(saved.username(), "changed", by,
                Map.of("is_active", Boolean.toString(saved.active()), "roles", String.join(",", saved.roles())));
        return saved;
    }

    public void delete(String username, String by) {
        User user = get(username);
        sessions.endAll(user);
        users.delete(user.id());
        sessions.endAll(user);
        accounts.unlock(user);
        events.userAdministration(user.username(), "deleted", by, Map.of());
    }

    /** Mails the user a password-reset code. */
    public void sendPasswordReset(String username, String by) {
        User user = get(username);
        if (!user.active()) {
            throw new Conflict("The account is deactivated: activate it first.");
        }
        passwordReset.sendFor(user, by);
    }

    /** Removes the user's second factor (a lost device) and ends the user's sessions. */
    public void resetSecondFactor(String username, String by) {
        secondFactor.reset(get(username), by);
    }

    /** Ends every lockout of the user's account, for every source address. */
    public void unlock(String username, String by) {
        User user = get(username);
        accounts.unlock(user);
        events.userAdministration(user.username(), "unlocked", by, Map.of());
    }
}
