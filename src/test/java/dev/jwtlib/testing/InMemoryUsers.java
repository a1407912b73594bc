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
    private volatile RuntimeException failReads;

    /** Makes every read by id fail with {@code failure} (a store that is down), or no more with {@code null}. */
    public void failReads(RuntimeException failure) {
        failReads = failure;
    }

    @Override
    public Optional<User> byUsername(String canonicalUsername) {
        return byId.values().stream().filter(u -> u.username().equals(canonicalUsername)).findFirst();
    }

    @Override
    public Optional<User> byId(String id) {
        RuntimeException failure = failReads;
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> byEmailKey(String emailKey) {
        return byId.values().stream().filter(u -> u.emailKey().equals(emailKey)).findFirst();
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
                update.active() != null ? update.active() : u.active(), u.createdAt(), now.toEpochMilli(),
                u.sessionEpoch(), update.emailVerified() != null ? update.emailVerified() : u.emailVerified(), u.mfaEnabled());
        byId.put(id, changed);
        return Optional.of(changed);
    }

    /** Sets the user's {@code mfa_enabled}, as the store's second factors do in the same document. */
    synchronized void mfaEnabled(String id, boolean enabled) {
        byId.computeIfPresent(id, (key, u) -> new User(u.id(), u.username(), u.email(), u.emailKey(), u.passwordHash(),
                u.roles(), u.active(), u.createdAt(), u.updatedAt(), u.sessionEpoch(), u.emailVerified(), enabled));
    }

    @Override
    public synchronized void endSessions(String id) {
        byId.computeIfPresent(id, (key, u) -> new User(u.id(), u.username(), u.email(), u.emailKey(), u.passwordHash(),
                u.roles(), u.active(), u.createdAt(), u.updatedAt(), u.sessionEpoch() + 1, u.emailVerified(), u.mfaEnabled()));
    }

    @Override
    public boolean delete(String id) {
        return byId.remove(id) != null;
    }

    @Override
    public List<User> page(String prefix, long offset, long limit) {
        return byId.values().stream().filter(u -> u.username().startsWith(prefix)).sorted(Comparator.comparing(User::username))
                .skip(offset).limit(limit).toList();
    }

    @Override
    public long count(String prefix) {
        return byId.values().stream().filter(u -> u.username().startsWith(prefix)).count();
    }
}
