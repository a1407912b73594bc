package dev.jwtlib.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.mechanism.AuthorizationHeader.Basic;
import dev.jwtlib.mechanism.AuthorizationHeader.Bearer;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key under which the server may keep the caller built from a validated credential. */
class ServerCacheKeyTest {

    private static final Bearer TOKEN = new Bearer("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln");

    @Test
    void keyWhenSameCredentialCallerAndGroupsThenSameKeyWhateverTheGroupOrder() {
        assertEquals(JwtlibAuthenticationMechanism.serverCacheKey(TOKEN, "alice", Set.of("user", "admin")),
                JwtlibAuthenticationMechanism.serverCacheKey(new Bearer(TOKEN.token()), "alice", Set.of("admin", "user")));
    }

    @Test
    void keyWhenTokenCallerOrGroupsDifferThenDifferentKey() {
        String key = JwtlibAuthenticationMechanism.serverCacheKey(TOKEN, "alice", Set.of("user"));
        assertNotEquals(key, JwtlibAuthenticationMechanism.serverCacheKey(new Bearer(TOKEN.token() + "x"), "alice", Set.of("user")));
        assertNotEquals(key, JwtlibAuthenticationMechanism.serverCacheKey(TOKEN, "bob", Set.of("user")));
        assertNotEquals(key, JwtlibAuthenticationMechanism.serverCacheKey(TOKEN, "alice", Set.of("user", "admin")));
    }

    @Test
    void keyWhenBasicPasswordOrGroupsChangeThenDifferentKeyAndNoSecretInIt() {
        String key = JwtlibAuthenticationMechanism.serverCacheKey(new Basic("svc", "old secret"), "svc", Set.of("service"));
        assertNotEquals(key, JwtlibAuthenticationMechanism.serverCacheKey(new Basic("svc", "new secret"), "svc", Set.of("service")));
        assertNotEquals(key, JwtlibAuthenticationMechanism.serverCacheKey(new Basic("svc", "old secret"), "svc", Set.of()));
        assertTrue(key.startsWith("jwtlib:"));
        assertFalse(key.contains("secret") || key.contains("svc"), key);
        assertFalse(JwtlibAuthenticationMechanism.serverCacheKey(TOKEN, "alice", Set.of()).contains(TOKEN.token()));
    }

    @Test
    void keyWhenMalformedCredentialThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> JwtlibAuthenticationMechanism.serverCacheKey(
                new AuthorizationHeader.Malformed("Bearer"), "alice", Set.of()));
    }
}
