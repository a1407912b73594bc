package dev.jwtlib.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jwtlib.verify.TokenAlgorithm;
import dev.jwtlib.verify.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokenClaimsTest {

    private static final TokenSettings ES256 = new TokenSettings("jwtlib", Optional.empty(), Duration.ofMinutes(15),
            TokenAlgorithm.ES256);

    @Test
    void claimsWhenBuiltThenMicroProfileJwtShape() {
        TokenSubject subject = new TokenSubject("u-1", "alice", Set.of("user", "admin"));
        Instant iat = Instant.ofEpochSecond(1_700_000_000L);
        Map<String, Object> claims = AccessTokenClaims.of(subject, "s-1", Amr.PASSWORD_AND_OTP, ES256, iat, "j-1");
        assertEquals(Set.of("iss", "sub", "upn", "preferred_username", "groups", "iat", "exp", "jti", "sid", "amr"),
                claims.keySet());
        assertEquals(List.of("pwd", "otp"), claims.get("amr"));
        assertEquals("jwtlib", claims.get("iss"));
        assertEquals("u-1", claims.get("sub"));
        assertEquals("alice", claims.get("upn"));
        assertEquals("alice", claims.get("preferred_username"));
        assertEquals(List.of("admin", "user"), claims.get("groups"));
        assertEquals(1_700_000_000L + 900, claims.get("exp"));
        assertFalse(claims.containsKey("aud"));
    }

    @Test
    void claimsWhenAudienceConfiguredThenSetAndSidOnlyWithALogin() {
        TokenSubject subject = new TokenSubject("u-1", "alice", Set.of("user"));
        TokenSettings withAudience = new TokenSettings("jwtlib", Optional.of("orders"), Duration.ofMinutes(15),
                TokenAlgorithm.ES256);
        Instant iat = Instant.ofEpochSecond(1_700_000_000L);
        assertEquals("orders", AccessTokenClaims.of(subject, null, null, withAudience, iat, "j-1").get("aud"));
        assertNull(AccessTokenClaims.of(subject, null, null, withAudience, iat, "j-1").get("sid"));
        assertNull(AccessTokenClaims.of(subject, null, List.of(), withAudience, iat, "j-1").get("amr"),
                "a client's own token says nothing of how a user logged in");
    }
}
