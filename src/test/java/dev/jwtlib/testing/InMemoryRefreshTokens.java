package dev.jwtlib.testing;

import dev.jwtlib.session.Login;
import dev.jwtlib.session.RefreshTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RefreshTokens} in memory; {@link #rotate} is atomic as the store's is. */
public final class InMemoryRefreshTokens implements RefreshTokens {

    private final Map<String, Login> logins = new ConcurrentHashMap<>();

    @Override
    public void start(Login login) {
        if (logins.putIfAbsent(login.id(), login) != null) {
            throw new IllegalStateException("duplicate login id");
        }
    }

    @Override
    public Optional<Login> rotate(String login, String digest, String next, Instant nextExpiresAt) {
        Login[] before = new Login[1];
        logins.computeIfPresent(login, (id, l) -> {
            before[0] = l;
            Map<String, Instant> live = new HashMap<>(l.live());
            live.remove(digest);
            live.put(next, nextExpiresAt);
            List<String> spent = new ArrayList<>(l.spent());
            spent.add(digest);
            while (spent.size() > SPENT_KEPT) {
                spent.remove(0);
            }
            return new Login(l.id(), l.userId(), l.username(), l.start(), l.endsAt(), l.ended(), live, spent);
        });
        return Optional.ofNullable(before[0]);
    }

    @Override
    public void undo(String login, String digest, String next, boolean keepSpent) {
        logins.computeIfPresent(login, (id, l) -> {
            Map<String, Instant> live = new HashMap<>(l.live());
            live.remove(next);
            List<String> spent = new ArrayList<>(l.spent());
            if (!keepSpent) {
                spent.removeIf(digest::equals);
            }
            return new Login(l.id(), l.userId(), l.username(), l.start(), l.endsAt(), l.ended(), live, spent);
        });
    }

    @Override
    public Optional<Login> find(String login) {
        return Optional.ofNullable(logins.get(login));
    }

    @Override
    public void end(String login, Instant now) {
        logins.computeIfPresent(login, (id, l) -> ended(l));
    }

    @Override
    public void endUser(String userId, Instant now) {
        logins.replaceAll((id, l) -> l.userId().equals(userId) ? ended(l) : l);
    }

    public int size() {
        return logins.size();
    }

    private static Login ended(Login l) {
        return new Login(l.id(), l.userId(), l.username(), l.start(), l.endsAt(), true, Map.of(), l.spent());
    }
}
