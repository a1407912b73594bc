package dev.jwtlib.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void keyWhenPrintedThenNoTokenInIt() {
        String key = JwtlibAuthenticationMechanism.serverCacheKey(TOKEN, "alice", Set.of());
        assertTrue(key.startsWith("jwtlib:"));
        assertFalse(key.contains(TOKEN.token()) || key.contains("alice"), key);
    }
}
