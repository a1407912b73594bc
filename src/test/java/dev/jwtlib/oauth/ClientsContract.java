package dev.jwtlib.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.error.Conflict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Clients} must do, run against each implementation. */
public abstract class ClientsContract {

    private Clients clients;

    /** A fresh, empty store of clients. */
    protected abstract Clients newStore();

    @BeforeEach
    void open() {
        clients = newStore();
    }

    private static OAuthClient client(String id) {
        return new OAuthClient(id, "digest-of-" + id, List.of("service"), "the " + id + " service", 1_000L, 1_000L);
    }

    @Test
    void insertThenReadBackAsGiven() {
        clients.insert(client("orders-svc"));
        assertEquals(client("orders-svc"), clients.byId("orders-svc").orElseThrow());
        assertTrue(clients.byId("nope").isEmpty());
    }

    @Test
    void insertWhenTheIdIsTakenThenConflictAndTheFirstStays() {
        clients.insert(client("orders-svc"));
        assertThrows(Conflict.class, () -> clients.insert(new OAuthClient("orders-svc", "other", List.of(), "", 2L, 2L)));
        assertEquals("digest-of-orders-svc", clients.byId("orders-svc").orElseThrow().secretDigest());
    }

    @Test
    void replaceSecretThenOnlyTheDigestAndTheTimeChange() {
        clients.insert(client("orders-svc"));
        OAuthClient changed = clients.replaceSecret("orders-svc", "new-digest", Instant.ofEpochMilli(5_000L)).orElseThrow();
        assertEquals(new OAuthClient("orders-svc", "new-digest", List.of("service"), "the orders-svc service", 1_000L, 5_000L),
                changed);
        assertEquals(changed, clients.byId("orders-svc").orElseThrow());
        assertTrue(clients.replaceSecret("nope", "x", Instant.EPOCH).isEmpty());
    }

    @Test
    void deleteThenGone() {
        clients.insert(client("orders-svc"));
        assertTrue(clients.delete("orders-svc"));
        assertFalse(clients.delete("orders-svc"));
        assertTrue(clients.byId("orders-svc").isEmpty());
    }

    @Test
    void pageThenOrderedByIdWithTheCount() {
        for (String id : List.of("c-svc", "a-svc", "b-svc")) {
            clients.insert(client(id));
        }
        assertEquals(List.of("b-svc", "c-svc"), clients.page(1, 5).stream().map(OAuthClient::clientId).toList());
        assertEquals(3, clients.count());
    }
}
