package dev.jwtlib.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import dev.jwtlib.account.User;
import dev.jwtlib.store.SerializedH2Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The single-use claim of refresh tokens, against a real MongoDB-wire server through the driver. */
class RefreshTokensTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final User OWNER = new User("user-1", "alice", "alice@example.com", "alice@example.com",
            "hash", List.of("user", "admin"), true, 0, 0);
    private MongoServer server;
    private MongoClient client;
    private RefreshTokens tokens;

    @BeforeEach
    void start() {
        server = new MongoServer(SerializedH2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        tokens = new RefreshTokens();
        tokens.database = client.getDatabase("t");
        tokens.open();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private void insert(String digest, Instant expiresAt) {
        tokens.insert(digest, "family-" + digest, OWNER, NOW, NOW, expiresAt);
    }

    @Test
    void claimWhenUnusedThenOnceOnly() {
        insert("a", NOW.plus(Duration.ofDays(1)));
        RefreshTokens.Entry claimed = tokens.claim("a", NOW).orElseThrow();
        assertEquals("family-a", claimed.family());
        assertEquals("user-1", claimed.userId());
        assertEquals("alice", claimed.username(), "the reuse audit line names the user without reading them");
        assertEquals(NOW, claimed.familyStart());
        assertTrue(claimed.used());
        assertTrue(tokens.claim("a", NOW).isEmpty(), "a second claim of the same token");
        assertTrue(tokens.find("a").orElseThrow().used());
    }

    @Test
    void claimWhenExpiredOrUnknownOrEndedThenNothing() {
        insert("old", NOW.minusSeconds(1));
        insert("ended", NOW.plus(Duration.ofDays(1)));
        tokens.endFamily("family-ended", NOW);
        assertTrue(tokens.claim("old", NOW).isEmpty());
        assertTrue(tokens.claim("unknown", NOW).isEmpty());
        assertTrue(tokens.claim("ended", NOW).isEmpty());
        assertTrue(tokens.find("ended").orElseThrow().ended());
    }

    @Test
    void claimWhenRacedThenExactlyOneWins() throws Exception {
        insert("race", NOW.plus(Duration.ofDays(1)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> tokens.claim("race", NOW).isPresent());
            }
            long won = 0;
            for (Future<Boolean> result : pool.invokeAll(claims)) {
                won += result.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void openCreatesTheIndexesThatEndingALoginOrAUserNeeds() {
        List<Object> keys = new ArrayList<>();
        client.getDatabase("t").getCollection("refresh_tokens").listIndexes().forEach(index -> keys.add(index.get("key")));
        assertTrue(keys.contains(new Document("user_id", 1)), "indexes: " + keys);
        assertTrue(keys.contains(new Document("family", 1)), "indexes: " + keys);
    }
}
