package dev.jwtlib.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.verify.VerifiedToken;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How an introspection answer of the auth service becomes claims, or not. */
class IntrospectionAnswerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final long EXP = NOW.plusSeconds(600).getEpochSecond();

    private static String active(String iss, long exp) {
        return "{\"active\":true,\"sub\":\"u1\",\"username\":\"alice\",\"exp\":" + exp + ",\"iat\":"
                + (exp - 900) + ",\"iss\":\"" + iss + "\",\"jti\":\"j1\",\"token_type\":\"Bearer\","
                + "\"groups\":[\"user\",\"admin\"],\"user\":{\"username\":\"alice\"}}";
    }

    @Test
    void parseWhenActiveThenClaims() {
        VerifiedToken token = IntrospectionTokenCheck.parse(active("jwtlib", EXP), "jwtlib", NOW);
        assertEquals("alice", token.username());
        assertEquals("u1", token.subject());
        assertEquals(Set.of("user", "admin"), token.groups());
        assertEquals(Instant.ofEpochSecond(EXP), token.expiresAt());
        assertEquals("j1", token.jti());
    }

    @Test
    void parseWhenInactiveThenNull() {
        assertNull(IntrospectionTokenCheck.parse("{\"active\":false}", "jwtlib", NOW));
    }

    @Test
    void parseWhenOtherIssuerOrExpiredThenNull() {
        assertNull(IntrospectionTokenCheck.parse(active("evil", EXP), "jwtlib", NOW));
        assertNull(IntrospectionTokenCheck.parse(active("jwtlib", NOW.minusSeconds(61).getEpochSecond()), "jwtlib", NOW));
    }

    @Test
    void parseWhenNotAnIntrospectionAnswerThenUnavailableNeverAccess() {
        String[] bodies = {
            "", "<html>oops</html>", "[]", "{}", "{\"active\":\"true\"}", "{\"active\":1}",
            active("jwtlib", EXP).replace("\"username\":\"alice\",", ""),
            active("jwtlib", EXP).replace("[\"user\",\"admin\"]", "\"admin\""),
            active("jwtlib", EXP).replace("[\"user\",\"admin\"]", "[{\"$ne\":1}]"),
            active("jwtlib", EXP).replace("\"exp\":" + EXP, "\"exp\":\"soon\""),
        };
        for (String body : bodies) {
            assertThrows(AuthServiceUnavailable.class, () -> IntrospectionTokenCheck.parse(body, "jwtlib", NOW), body);
        }
    }
}
