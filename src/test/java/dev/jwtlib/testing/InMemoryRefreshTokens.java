package dev.jwtlib.testing;

import dev.jwtlib.session.RefreshToken;
import dev.jwtlib.session.RefreshTokens;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RefreshTokens} in memory; {@link #markUsed} is atomic as the store's is. */
public final class InMemoryRefreshTokens implements RefreshTokens {

    private final Map<String, RefreshToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void insert(RefreshToken token, Instant now) {
        if (tokens.putIfAbsent(token.digest(), token) != null) {
            throw new IllegalStateException("duplicate refresh token digest");
        }
    }

    @Override
    public Optional<RefreshToken> markUsed(String digest, Instant now) {
        RefreshToken[] before = new RefreshToken[1];
        tokens.computeIfPresent(digest, (d, t) -> {
            before[0] = t;
            return used(t, t.ended());
        });
        return Optional.ofNullable(before[0]);
    }

    @Override
    public Optional<RefreshToken> find(String digest) {
        return Optional.ofNullable(tokens.get(digest));
    }

    @Override
    public void endFamily(String family, Instant now) {
        tokens.replaceAll((d, t) -> t.family().equals(family) && !t.used() ? used(t, true) : t);
    }

    @Override
    public void endUser(String userId, Instant now) {
        tokens.replaceAll((d, t) -> t.userId().equals(userId) && !t.used() ? used(t, true) : t);
    }

    public int size() {
        return tokens.size();
    }

    private static RefreshToken used(RefreshToken t, boolean ended) {
        return new RefreshToken(t.digest(), t.family(), t.userId(), t.username(), t.familyStart(), true, ended,
                t.expiresAt());
    }
}
