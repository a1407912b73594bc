package dev.jwtlib.admin;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.account.AccountRules;
import dev.jwtlib.account.User;
import dev.jwtlib.account.UserSessions;
import dev.jwtlib.account.Users;
import dev.jwtlib.error.UserNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    Clock clock;

    /**
     * @throws UserNotFound when no user has that (canonical) username
     */
    public User get(String username) {
        return users.byUsername(AccountRules.canonicalUsername(username))
                .orElseThrow(() -> new UserNotFound(username));
    }

    public List<User> page(long offset, long limit) {
        return users.page(offset, limit);
    }

    public long count() {
        return users.count();
    }

    /** Applies the given changes; a change of activity or roles ends the user's current tokens. */
    public User change(String username, Optional<Boolean> active, Optional<List<String>> roles, String by) {
        User user = get(username);
        Map<String, Object> fields = new LinkedHashMap<>();
        active.filter(value -> value != user.active()).ifPresent(value -> fields.put("is_active", value));
        roles.map(list -> list.stream().distinct().sorted().toList())
                .filter(list -> !list.equals(user.roles().stream().sorted().toList()))
                .ifPresent(list -> fields.put("roles", list));
        if (fields.isEmpty()) {
            return user;
        }
        User saved = users.set(user.id(), fields, clock.millis()).orElseThrow(() -> new UserNotFound(username));
        sessions.endAll(saved);
        events.userAdministration(saved.username(), "changed", by,
                Map.of("is_active", Boolean.toString(saved.active()), "roles", String.join(",", saved.roles())));
        return saved;
    }

    public void delete(String username, String by) {
        User user = get(username);
        users.delete(user);
        sessions.endAll(user);
        events.userAdministration(user.username(), "deleted", by, Map.of());
    }
}
