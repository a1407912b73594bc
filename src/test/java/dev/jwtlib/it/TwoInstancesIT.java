package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.assertProblem;
import static dev.jwtlib.it.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances, one store: instance A is the server Arquillian deployed to (it runs the embedded
 * store on a fixed port); instance B is a second Liberty with the same WAR whose
 * {@code jwtlib.mongodb.url} points at A's store. B is started and stopped by this class.
 */
class TwoInstancesIT extends DeployedService {

    private static final Duration CONSISTENCY = Duration.ofSeconds(5);
    private static final ExtraLibertyServer INSTANCE_B = new ExtraLibertyServer("jwtlib-it-b",
            System.getProperty("jwtlib.it.b.base-url", "http://localhost:19081"));
    private static final Api B = INSTANCE_B.api;

    @BeforeAll
    static void startInstanceB() throws Exception {
        INSTANCE_B.start();
    }

    @AfterAll
    static void stopInstanceB() throws Exception {
        INSTANCE_B.stop();
    }

    /** Waits, at most the consistency window, for {@code status} to answer {@code expected}. */
    private static long millisUntil(int expected, IntSupplier status) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(CONSISTENCY);
        int last = status.getAsInt();
        while (last != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            last = status.getAsInt();
        }
        assertEquals(expected, last, "not consistent within " + CONSISTENCY);
        return Duration.between(start, Instant.now()).toMillis();
    }

    @Test
    void tokenWhenIssuedByAThenAcceptedByB() {
        String token = api.accessToken(api.newUser("cross"));
        assertEquals(200, B.get("/api/auth/me", token).status());
    }

    @Test
    void jwksWhenFetchedFromBothThenSame() {
        assertEquals(api.get("/.well-known/jwks.json", null).json(), B.get("/.well-known/jwks.json", null).json());
    }

    @Test
    void logoutWhenOnAThenTokenFailsOnBWithinFiveSeconds() throws Exception {
        String token = api.accessToken(api.newUser("xlogout"));
        assertEquals(200, B.get("/api/auth/me", token).status());
        api.send(api.request("/api/auth/logout").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        millisUntil(401, () -> B.get("/api/auth/me", token).status());
    }

    @Test
    void deactivationWhenOnAThenHonouredByBWithinFiveSeconds() throws Exception {
        String username = api.newUser("xdeact");
        String token = api.accessToken(username);
        assertEquals(200, B.get("/api/auth/me", token).status());
        assertEquals(200, api.patchJson("/api/admin/users/" + username, "{\"is_active\":false}", api.adminToken()).status());
        millisUntil(401, () -> B.get("/api/auth/me", token).status());
        assertProblem(B.postJson("/api/auth/login", credentials(username, PASSWORD)), 401);
    }

    @Test
    void failedLoginsWhenSpreadOverAAndBThenAddUpToOneLockout() {
        String username = api.newUser("xlock");
        Api sameSourceOnB = B.from(api.source());
        for (int i = 0; i < 5; i++) {
            Api instance = i % 2 == 0 ? api : sameSourceOnB;
            assertProblem(instance.postJson("/api/auth/login", credentials(username, "wrong " + i)), 401);
        }
        assertProblem(api.postJson("/api/auth/login", credentials(username, PASSWORD)), 429);
        assertProblem(sameSourceOnB.postJson("/api/auth/login", credentials(username, PASSWORD)), 429);
    }

    @Test
    void registrationWhenOnBThenLoginOnA() {
        String username = Api.uniqueName("fromb");
        assertEquals(201, B.postJson("/api/auth/register",
                Api.registration(username, username + "@example.com", PASSWORD)).status());
        assertTrue(api.login(username, PASSWORD).containsKey("access_token"));
    }

    @Test
    void refreshWhenLoginEndedOnAThenRefusedOnBAtOnce() {
        JsonObject login = api.login(api.newUser("xrefresh"), PASSWORD);
        String refreshToken = login.getString("refresh_token");
        api.send(api.request("/api/auth/logout").header("Authorization", "Bearer " + login.getString("access_token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"" + refreshToken + "\"}")));

        // no waiting for B's revocation list: ending a login spends its tokens in the shared store
        assertProblem(B.postJson("/api/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}"), 401);
    }

    @Test
    void refreshWhenRolesChangedOnAThenRefusedOnBAtOnceAndNewLoginHasNewRoles() {
        String username = api.newUser("xroles");
        String refreshToken = api.login(username, PASSWORD).getString("refresh_token");
        assertEquals(200, api.patchJson("/api/admin/users/" + username, "{\"roles\":[\"user\",\"service\"]}",
                api.adminToken()).status());

        assertProblem(B.postJson("/api/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}"), 401);
        String next = B.login(username, PASSWORD).getString("refresh_token");
        Api.Reply refreshed = B.postJson("/api/auth/refresh", "{\"refresh_token\":\"" + next + "\"}");
        assertEquals(200, refreshed.status());
        assertEquals(List.of("service", "user"), refreshed.json().getJsonObject("user").getJsonArray("roles")
                .getValuesAs(JsonString::getString));
    }
}
