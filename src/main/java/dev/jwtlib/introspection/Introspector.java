package dev.jwtlib.introspection;

import com.github.benmanes.caffeine.cache.Cache;
import dev.jwtlib.account.PublicUser;
import dev.jwtlib.account.User;
import dev.jwtlib.account.Users;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.oauth.Clients;
import dev.jwtlib.token.AccessTokens;
import dev.jwtlib.token.RevocationList;
import dev.jwtlib.verify.Caches;
import dev.jwtlib.verify.TokenSettings;
import dev.jwtlib.verify.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The Python {@code introspect_token}: never throws for a bad token. A token is active only when
 * it verifies, is not revoked, and its user still exists, is active and still has that name (or,
 * for a client's own token, its client still exists).
 * The user is read from the store at most every {@link #USER_CACHE_TTL} per user; a user whose
 * sessions were ended since (deactivation, role change, deletion, password change) is read again.
 */
@ApplicationScoped
public class Introspector {

    static final Duration USER_CACHE_TTL = Duration.ofSeconds(5);
    private static final int USER_CACHE_CAPACITY = 10_000;

    private record CachedUser(Optional<User> user, Instant readAt) {
    }

    private SecurityEvents events;
    private AccessTokens tokens;
    private Users users;
    private Clients clients;
    private TokenSettings tokenSettings;
    private RevocationList revocations;
    private Clock clock;
    private Cache<String, CachedUser> cache;

    @Inject
    public Introspector(SecurityEvents events, AccessTokens tokens, Users users, Clients clients, TokenSettings tokenSettings,
                        RevocationList revocations, Clock clock) {
        this.events = events;
        this.tokens = tokens;
        this.users = users;
        this.clients = clients;
        this.tokenSettings = tokenSettings;
        this.revocations = revocations;
        this.clock = clock;
        this.cache = Caches.newBuilder(clock).maximumSize(USER_CACHE_CAPACITY).expireAfterWrite(USER_CACHE_TTL).build();
    }

    /** For the CDI proxy only. */
    Introspector() {
    }

    public IntrospectResponse introspect(String token) {
        IntrospectResponse answer = answer(token);
        events.introspection(answer.active() ? "active" : "inactive");
        return answer;
    }

    private IntrospectResponse answer(String token) {
        VerifiedToken verified;
        try {
            verified = tokens.verify(token);
        } catch (InvalidToken e) {
            return IntrospectResponse.inactive();
        }
        String audience = tokenSettings.audience().orElse(null);
        if (verified.clientId() != null) {
            // a client's own token: usable while the client exists (its deletion or new secret revokes it too)
            return clients.byId(verified.clientId())
                    .map(client -> IntrospectResponse.active(verified, null, audience))
                    .orElse(IntrospectResponse.inactive());
        }
        return user(verified.subject())
                .filter(User::active)
                .filter(user -> user.username().equals(verified.username()))
                .map(user -> IntrospectResponse.active(verified, PublicUser.of(user), audience))
                .orElse(IntrospectResponse.inactive());
    }

    private Optional<User> user(String id) {
        CachedUser cached = cache.getIfPresent(id);
        if (cached != null && !revocations.userEndedSince(id, cached.readAt())) {
            return cached.user();
        }
        Instant now = clock.instant();
        Optional<User> user = users.byId(id);
        cache.put(id, new CachedUser(user, now));
        return user;
    }
}
