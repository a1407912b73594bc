package dev.jwtlib.testing;

import dev.jwtlib.session.Login;
import dev.jwtlib.session.RefreshTokens;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RefreshTokens} in memory; {@link #rotate} is atomic as the store's is. */
public final class InMemoryRefreshTokens implements RefreshTokens {

    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    /** The expiry of each spent token, by login and slot, so that {@link #restore} can give it back. */
    private final Map<String, Instant> spentExpiry = new ConcurrentHashMap<>();

    @Override
    public void start(Login login) {
        if (logins.putIfAbsent(login.id(), login) != null) {
            throw new IllegalStateException("duplicate login id");
        }
    }

    @Override
    public Optional<Login> rotate(String login, long generation, String digest, String next, Instant nextExpiresAt) {
        Login[] before = new Login[1];
        logins.computeIfPresent(login, (id, l) -> {
            before[0] = l;
            Map<String, Instant> live = new HashMap<>(l.live());
            Map<Integer, String> spent = new HashMap<>(l.spent());
            Instant expiresAt = live.remove(digest);
            if (expiresAt != null) {
                spent.put(RefreshTokens.slot(generation), digest);
                spentExpiry.put(id + "/" + RefreshTokens.slot(generation), expiresAt);
            }
            live.put(next, nextExpiresAt);
            return with(l, l.ended(), live, spent);
        });
        return Optional.ofNullable(before[0]);
    }

    @Override
    public void undo(String login, String next) {
        logins.computeIfPresent(login, (id, l) -> {
            Map<String, Instant> live = new HashMap<>(l.live());
            live.remove(next);
            return with(l, l.ended(), live, l.spent());
        });
    }

    @Override
    public void restore(String login, long generation, String digest, String next) {
        logins.computeIfPresent(login, (id, l) -> {
            Map<String, Instant> live = new HashMap<>(l.live());
            Map<Integer, String> spent = new HashMap<>(l.spent());
            live.remove(next);
            String restored = spent.remove(RefreshTokens.slot(generation));
            Instant expiresAt = spentExpiry.remove(id + "/" + RefreshTokens.slot(generation));
            if (restored != null && expiresAt != null) {
                live.put(restored, expiresAt);
            }
            return with(l, l.ended(), live, spent);
        });
    }

    @Override
    public Optional<Login> find(String login) {
        return Optional.ofNullable(logins.get(login));
    }

    @Override
    public void end(String login, Instant now) {
        logins.computeIfPresent(login, (id, l) -> with(l, true, Map.of(), l.spent()));
    }

    @Override
    public void endUser(String userId, Instant now) {
        logins.replaceAll((id, l) -> l.userId().equals(userId) ? with(l, true, Map.of(), l.spent()) : l);
    }

    public int size() {
        return logins.size();
    }

    private static Login with(Login l, boolean ended, Map<String, Instant> live, Map<Integer, String> spent) {
        return new Login(l.id(), l.userId(), l.username(), l.epoch(), l.start(), l.endsAt(), ended, live, spent, l.amr());
    }
}
