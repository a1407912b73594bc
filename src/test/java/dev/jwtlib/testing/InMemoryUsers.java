package dev.jwtlib.testing;

import dev.jwtlib.account.User;
import dev.jwtlib.account.UserUpdate;
import dev.jwtlib.account.Users;
import dev.jwtlib.error.Conflict;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Users} in memory, with the store's uniqueness of username and email. */
public final class InMemoryUsers implements Users {

    private final Map<String, User> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<User> byUsername(String canonicalUsername) {
        return byId.values().stream().filter(u -> u.username().equals(canonicalUsername)).findFirst();
    }

    @Override
    public Optional<User> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<String> taken(String canonicalUsername, String emailKey) {
        for (User user : byId.values()) {
            if (user.username().equals(canonicalUsername)) {
                return Optional.of("username");
            }
            if (user.emailKey().equals(emailKey)) {
                return Optional.of("email");
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized User insert(User user) {
        if (byUsername(user.username()).isPresent()) {
            throw new Conflict("This username is taken.");
        }
        if (byId.values().stream().anyMatch(u -> u.emailKey().equals(user.emailKey()))) {
            throw new Conflict("This email is already registered.");
        }
        byId.put(user.id(), user);
        return user;
    }

    @Override
    public synchronized Optional<User> update(String id, UserUpdate update, Instant now) {
        User u = byId.get(id);
        if (u == null) {
            return Optional.empty();
        }
        User changed = new User(u.id(), u.username(), u.email(), u.emailKey(),
                update.passwordHash() != null ? update.passwordHash() : u.passwordHash(),
                update.roles() != null ? update.roles() : u.roles(),
                update.active() != null ? update.active() : u.active(), u.createdAt(), now.toEpochMilli());
        byId.put(id, changed);
        return Optional.of(changed);
    }

    @Override
    public boolean delete(String id) {
        return byId.remove(id) != null;
    }

    @Override
    public List<User> page(long offset, long limit) {
        return byId.values().stream().sorted(Comparator.comparing(User::username)).skip(offset).limit(limit).toList();
    }

    @Override
    public long count() {
        return byId.size();
    }
}
