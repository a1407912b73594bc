package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.assertProblem;
import static dev.jwtlib.it.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store goes away and comes back under a running instance (Liberty jwtlib-it-c, whose
 * {@code jwtlib.mongodb.url} points at a MongoDB-wire server this test runs and stops):
 * readiness goes DOWN, store-bound calls answer 503 problems, a verified token is still
 * recognised, and once the store is back everything works without a restart.
 */
class StoreOutageIT {

    static {
        TestSmtp.start();
    }

    private final ExtraLibertyServer instance = new ExtraLibertyServer("jwtlib-it-c",
            System.getProperty("jwtlib.it.c.base-url", "http://localhost:19082"));
    private final int port = Integer.getInteger("jwtlib.it.c.store.port", 19018);
    private final Path file = Path.of(System.getProperty("jwtlib.it.c.store.file", "target/outage-store.mv"));
    private MongoServer store;

    @BeforeEach
    void start() throws Exception {
        Files.deleteIfExists(file);
        startStore();
        instance.start();
    }

    @AfterEach
    void stop() throws Exception {
        instance.stop();
        if (store != null) {
            store.shutdownNow();
        }
    }

    private void startStore() {
        store = new MongoServer(new H2Backend(file.toString()));
        store.bind("127.0.0.1", port);
    }

    @Test
    void storeWhenDownThenReadyDown503sAndBackWithoutRestart() {
        Api api = instance.api;
        String username = api.newUser("outage");
        String token = api.accessToken(username);
        assertEquals(200, api.get("/api/auth/me", token).status());
        assertEquals(200, health(api).status());

        store.shutdown();
        store = null;

        assertEquals(503, health(api).status());
        assertProblem(api.postJson("/api/auth/login", credentials(username, PASSWORD)), 503);
        assertProblem(api.postJson("/api/auth/register", Api.registration(Api.uniqueName("down"),
                "down@example.com", PASSWORD)), 503);
        // the token is still recognised without the store: the failure is the user read, not a 401
        assertProblem(api.get("/api/auth/me", token), 503);

        startStore();

        assertEquals(200, health(api).status());
        assertEquals(200, api.get("/api/auth/me", token).status());
        assertNotNull(api.login(username, PASSWORD).getString("access_token"));
        assertEquals(201, api.postJson("/api/auth/register", Json.createObjectBuilder()
                .add("username", Api.uniqueName("back")).add("email", Api.uniqueName("back") + "@example.com")
                .add("password", PASSWORD).build().toString()).status());
    }

    private static Api.Reply health(Api api) {
        String base = System.getProperty("jwtlib.it.c.base-url", "http://localhost:19082");
        return api.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).GET());
    }
}
