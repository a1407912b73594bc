package dev.jwtlib.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.account.LoginAttempts;
import dev.jwtlib.account.LoginGuardContract;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoLoginAttemptsTest extends LoginGuardContract {

    private final InMemoryMongo mongo = new InMemoryMongo();

    @Override
    protected LoginAttempts newStore() {
        MongoLoginAttempts store = new MongoLoginAttempts();
        store.database = mongo.database();
        store.open();
        return store;
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private Document entry(String id) {
        return mongo.database().getCollection("login_failures").find(new Document("_id", id)).first();
    }

    @Test
    void failedWhenTheNameHasNoAccountThenItsCountExpiresAndAnAccountsDoesNot() {
        LoginAttempts store = newStore();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Instant keep = now.plusSeconds(86_400);
        store.admit("ghost", "192.0.2.1", now, keep);
        store.failed("ghost", "192.0.2.1", now, keep, false);
        store.admit("alice", "192.0.2.1", now, keep);
        store.failed("alice", "192.0.2.1", now, keep, true);
        assertNotNull(entry("account:ghost").get("expires_at"), "names anyone can make up do not pile up");
        assertFalse(entry("account:alice").containsKey("expires_at"), "an account's lock lasts until an unlock");
        Document pair = entry("pair:alice|192.0.2.1");
        assertEquals(1, pair.getInteger("failures"));
        assertEquals(now, pair.getDate("last_failed_at").toInstant(), "the failure and its time are one write");
        assertTrue(pair.getDate("expires_at").toInstant().isAfter(now));
    }
}
