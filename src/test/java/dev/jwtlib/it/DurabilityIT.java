package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.credentials;
import static dev.jwtlib.it.Api.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the embedded store acknowledged survives the process dying: a Liberty with an embedded
 * store of its own (jwtlib-it-d) answers registrations and logouts, is killed with SIGKILL right
 * after the last answer, and is started again: every user is there, and every revoked access
 * token and ended login stays so. (Before each write was committed before its answer, a quarter
 * of the users and of the logouts were lost this way.)
 */
class DurabilityIT {

    static {
        TestSmtp.start();
    }

    private final ExtraLibertyServer instance = new ExtraLibertyServer("jwtlib-it-d",
            System.getProperty("jwtlib.it.d.base-url", "http://localhost:19084"));
    private final Api api = instance.api;

    @AfterEach
    void stop() throws Exception {
        instance.stop();
    }

    @Test
    void acknowledgedWritesWhenTheProcessIsKilledThenAllSurviveTheRestart() throws Exception {
        instance.start();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String username = Api.uniqueName("durable");
            Api.Reply created = api.postJson("/api/auth/register", registration(username, username + "@example.com", PASSWORD));
            assertEquals(201, created.status(), created.body());
            users.add(username);
        }
        List<JsonObject> endedLogins = new ArrayList<>();
        List<JsonObject> refreshedLogins = new ArrayList<>();
        for (String username : users.subList(0, 10)) {
            endedLogins.add(api.login(username, PASSWORD));
        }
        for (String username : users.subList(10, 20)) {
            refreshedLogins.add(api.login(username, PASSWORD));
        }
        // logouts and refreshes all at once: the embedded store commits writes in groups under
        // load, and every answered one must still be in the file
        ExecutorService parallel = Executors.newFixedThreadPool(20);
        List<Future<Api.Reply>> logouts = new ArrayList<>();
        List<Future<Api.Reply>> refreshes = new ArrayList<>();
        try {
            for (JsonObject pair : endedLogins) {
                logouts.add(parallel.submit(() -> api.postJson("/api/auth/logout", Json.createObjectBuilder()
                        .add("refresh_token", pair.getString("refresh_token")).build().toString(), pair.getString("access_token"))));
            }
            for (JsonObject pair : refreshedLogins) {
                refreshes.add(parallel.submit(() -> api.postJson("/api/auth/refresh", Json.createObjectBuilder()
                        .add("refresh_token", pair.getString("refresh_token")).build().toString())));
            }
            for (Future<Api.Reply> out : logouts) {
                assertEquals(200, out.get().status(), out.get().body());
            }
            for (Future<Api.Reply> refreshed : refreshes) {
                assertEquals(200, refreshed.get().status(), refreshed.get().body());
            }
        } finally {
            parallel.shutdownNow();
        }

        instance.kill();
        instance.start();

        for (String username : users) {
            assertEquals(200, api.postJson("/api/auth/login", credentials(username, PASSWORD)).status(), username + " was lost");
        }
        for (Future<Api.Reply> refreshed : refreshes) {
            // the rotation survived: the new refresh token works (the old one was spent)
            String next = refreshed.get().json().getString("refresh_token");
            assertEquals(200, api.postJson("/api/auth/refresh", Json.createObjectBuilder()
                    .add("refresh_token", next).build().toString()).status(), "a refresh was lost");
        }
        for (JsonObject pair : endedLogins) {
            assertEquals(401, api.get("/api/auth/me", pair.getString("access_token")).status(), "a logout was undone");
            assertEquals(401, api.postJson("/api/auth/refresh", Json.createObjectBuilder()
                    .add("refresh_token", pair.getString("refresh_token")).build().toString()).status(), "an ended login lives again");
        }
    }
}
