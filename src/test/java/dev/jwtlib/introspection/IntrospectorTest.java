package dev.jwtlib.introspection;

import static dev.jwtlib.testing.Services.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.account.User;
import dev.jwtlib.account.UserUpdate;
import dev.jwtlib.session.LoginResponse;
import dev.jwtlib.testing.Services;
import dev.jwtlib.token.TokenSubject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Python {@code introspect_token} over in-memory stores: never throws, and says nothing about why not. */
class IntrospectorTest {

    private final Services service = new Services();
    private final User alice = service.register("alice");
    private final LoginResponse pair = (LoginResponse) service.sessions.login("alice", PASSWORD, Services.SOURCE);

    @Test
    void introspectWhenUsableThenActiveWithTheClaimsAndTheUser() {
        IntrospectResponse answer = service.introspector.introspect(pair.accessToken());
        assertTrue(answer.active());
        assertEquals(alice.id(), answer.sub());
        assertEquals("alice", answer.username());
        assertEquals("https://auth.example.com", answer.iss());
        assertEquals("Bearer", answer.tokenType());
        assertEquals(List.of("user"), answer.groups());
        assertEquals(answer.iat() + 900, answer.exp());
        assertEquals("alice", answer.user().username());
        assertEquals("alice@example.com", answer.user().email());
    }

    @Test
    void introspectWhenGarbageForeignOrExpiredThenExactlyInactive() {
        assertSame(IntrospectResponse.inactive(), service.introspector.introspect("garbage"));
        assertSame(IntrospectResponse.inactive(), new Services().introspector.introspect(pair.accessToken()),
                "a token of another issuer's keys");
        service.clock.advance(Duration.ofMinutes(17));
        assertSame(IntrospectResponse.inactive(), service.introspector.introspect(pair.accessToken()));
    }

    @Test
    void introspectWhenLoggedOutThenInactive() {
        service.sessions.logout(Optional.of(pair.accessToken()), Optional.empty());
        assertFalse(service.introspector.introspect(pair.accessToken()).active());
    }

    @Test
    void introspectWhenTheUserWasDeletedElsewhereThenInactiveOnceTheUserIsReadAgain() {
        assertTrue(service.introspector.introspect(pair.accessToken()).active());
        service.users.delete(alice.id());
        assertTrue(service.introspector.introspect(pair.accessToken()).active(), "the user is read at most every 5 s");
        service.clock.advance(Introspector.USER_CACHE_TTL);
        assertFalse(service.introspector.introspect(pair.accessToken()).active());
    }

    @Test
    void introspectWhenTheUsersSessionsWereEndedThenTheUserIsReadAgainAtOnce() {
        assertTrue(service.introspector.introspect(pair.accessToken()).active(), "the user is now cached");
        service.clock.advance(Duration.ofSeconds(1));
        service.users.update(alice.id(), new UserUpdate(null, false, null), service.clock.instant());
        service.revocations.revokeUser(alice.id(), Duration.ofMinutes(15));
        service.clock.advance(Duration.ofSeconds(1));
        String issuedSince = service.issuer.issue(new TokenSubject(alice.id(), "alice", Set.of("user")), null).token();
        assertFalse(service.introspector.introspect(issuedSince).active(),
                "a token the revocation does not cover, of a user read before it: read again, and inactive");
    }
}
