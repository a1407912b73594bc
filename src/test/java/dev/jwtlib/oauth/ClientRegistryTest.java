package dev.jwtlib.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.error.Conflict;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.introspection.IntrospectResponse;
import dev.jwtlib.testing.Services;
import dev.jwtlib.token.IssuedToken;
import dev.jwtlib.token.TokenSubject;
import dev.jwtlib.verify.VerifiedToken;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clients as an administrator manages them, and their own tokens, over the in-memory service. */
class ClientRegistryTest {

    private final Services service = new Services();
    private final ClientRegistry registry = new ClientRegistry();
    private final ClientAuthentication authentication = new ClientAuthentication();

    @BeforeEach
    void start() {
        authentication.clients = service.clients;
        authentication.events = service.events;
        authentication.clock = service.clock;
        authentication.init();
        registry.clients = service.clients;
        registry.authentication = authentication;
        registry.revocations = service.revocations;
        registry.tokenSettings = service.tokenSettings;
        registry.events = service.events;
        registry.clock = service.clock;
    }

    private boolean authenticates(String id, String secret) {
        return authentication.authenticate(null, id, secret, Services.SOURCE) instanceof ClientAuthentication.Authenticated;
    }

    private String tokenOf(OAuthClient client) {
        IssuedToken token = service.issuer.issue(TokenSubject.client(client.clientId(), client.roleSet()), null);
        return token.token();
    }

    @Test
    void createThenAGeneratedSecretOf256BitsShownOnceAndStoredAsADigest() {
        ClientRegistry.Created created = registry.create(Optional.of("orders-svc"), Optional.of("orders"), Optional.empty(),
                Optional.empty(), "admin");
        assertEquals(43, created.secret().length(), "32 random bytes, base64url");
        assertEquals(List.of("service"), created.client().roles(), "the default role");
        OAuthClient stored = service.clients.byId("orders-svc").orElseThrow();
        assertFalse(stored.secretDigest().contains(created.secret()));
        assertTrue(authenticates("orders-svc", created.secret()));
        assertTrue(registry.create(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "admin")
                .client().clientId().startsWith("client-"), "an id is generated when none is given");
    }

    @Test
    void createWhenTheInputIsBadThenEveryProblemNamedAndNothingStored() {
        InvalidInput e = assertThrows(InvalidInput.class, () -> registry.create(Optional.of("x"), Optional.of("a\u0007b"),
                Optional.of(List.of("root")), Optional.of("short"), "admin"));
        assertEquals(List.of("client_id", "roles", "description", "client_secret"),
                e.errors().stream().map(InvalidInput.FieldError::field).toList());
        assertThrows(InvalidInput.class, () -> registry.create(Optional.of("123e4567-e89b-12d3-a456-426614174000"),
                Optional.empty(), Optional.empty(), Optional.empty(), "admin"), "a user's id is no client's");
        assertEquals(0, service.clients.count());
    }

    @Test
    void createWhenTheIdIsTakenThenConflict() {
        registry.create(Optional.of("orders-svc"), Optional.empty(), Optional.empty(), Optional.empty(), "admin");
        assertThrows(Conflict.class, () -> registry.create(Optional.of("orders-svc"), Optional.empty(), Optional.empty(),
                Optional.empty(), "admin"));
    }

    @Test
    void newSecretThenTheOldOneAndItsTokensStopWorking() {
        ClientRegistry.Created created = registry.create(Optional.of("orders-svc"), Optional.empty(), Optional.empty(),
                Optional.empty(), "admin");
        String token = tokenOf(created.client());
        service.clock.advance(java.time.Duration.ofSeconds(1));
        ClientRegistry.Created renewed = registry.newSecret("orders-svc", Optional.of("a long secret the admin brings along"),
                "admin");
        assertFalse(authenticates("orders-svc", created.secret()));
        assertTrue(authenticates("orders-svc", renewed.secret()));
        assertThrows(InvalidToken.class, () -> service.accessTokens.verify(token));
        assertThrows(ClientNotFound.class, () -> registry.newSecret("nope", Optional.empty(), "admin"));
    }

    @Test
    void clientTokenThenItsSubAndClientIdAreTheClientAndIntrospectionSaysSoUntilTheClientIsDeleted() {
        OAuthClient client = registry.create(Optional.of("reports-svc"), Optional.empty(), Optional.of(List.of("service", "admin")),
                Optional.empty(), "admin").client();
        String token = tokenOf(client);
        VerifiedToken verified = service.accessTokens.verify(token);
        assertEquals("reports-svc", verified.subject());
        assertEquals("reports-svc", verified.clientId());
        assertEquals(java.util.Set.of("admin", "service"), verified.groups());
        IntrospectResponse answer = service.introspector.introspect(token);
        assertTrue(answer.active());
        assertEquals("reports-svc", answer.clientId());
        assertEquals(null, answer.user(), "a client is no user");
        registry.delete("reports-svc", "admin");
        assertFalse(service.introspector.introspect(token).active());
        assertFalse(authenticates("reports-svc", "anything"));
        assertInstanceOf(ClientNotFound.class, assertThrows(ClientNotFound.class, () -> registry.get("reports-svc")));
    }
}
