package dev.jwtlib.introspection;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.account.PublicUser;
import dev.jwtlib.account.User;
import dev.jwtlib.account.Users;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.token.AccessTokens;
import dev.jwtlib.token.RevocationList;
import dev.jwtlib.token.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Python {@code introspect_token}: never throws for a bad token. A token is active only when
 * it verifies, is not revoked, and its user still exists, is active and still has that name.
 * The user is read from the store at most every {@link #USER_CACHE_TTL} per user; a user whose
 * sessions were ended since (deactivation, role change, deletion, password change) is read again.
 */
@ApplicationScoped
public class Introspector {

    static final Duration USER_CACHE_TTL = Duration.ofSeconds(5);
    private static final int USER_CACHE_CAPACITY = 10_000;

    private record CachedUser(Optional<User> user, Instant readAt) {
    }

    @Inject
    SecurityEvents events;
    @Inject
    AccessTokens tokens;
    @Inject
    Users users;
    @Inject
    RevocationList revocations;
    @Inject
    Clock clock;

    private final Map<String, CachedUser> cache = new ConcurrentHashMap<>();

    public JsonObject introspect(String token) {
        JsonObject answer = answer(token);
        events.introspection(answer.getBoolean("active") ? "active" : "inactive");
        return answer;
    }

    private JsonObject answer(String token) {
        VerifiedToken verified;
        try {
            verified = tokens.verify(token);
        } catch (InvalidToken e) {
            return IntrospectionResponse.inactive();
        }
        return user(verified.subject())
                .filter(User::active)
                .filter(user -> user.username().equals(verified.username()))
                .map(user -> IntrospectionResponse.active(verified, PublicUser.of(user)))
                .orElse(IntrospectionResponse.inactive());
    }

    private Optional<User> user(String id) {
        Instant now = clock.instant();
        CachedUser cached = cache.get(id);
        if (cached != null && now.isBefore(cached.readAt().plus(USER_CACHE_TTL))
                && !revocations.userEndedSince(id, cached.readAt())) {
            return cached.user();
        }
        Optional<User> user = users.byId(id);
        if (cache.size() >= USER_CACHE_CAPACITY) {
            cache.clear();
        }
        cache.put(id, new CachedUser(user, now));
        return user;
    }
}
