package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.credentials;
import static dev.jwtlib.it.Api.registration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
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
        for (String username : users.subList(0, 10)) {
            JsonObject pair = api.login(username, PASSWORD);
            Api.Reply out = api.postJson("/api/auth/logout", Json.createObjectBuilder()
                    .add("refresh_token", pair.getString("refresh_token")).build().toString(), pair.getString("access_token"));
            assertEquals(200, out.status(), out.body());
            endedLogins.add(pair);
        }

        instance.kill();
        instance.start();

        for (String username : users) {
            assertEquals(200, api.postJson("/api/auth/login", credentials(username, PASSWORD)).status(), username + " was lost");
        }
        for (JsonObject pair : endedLogins) {
            assertEquals(401, api.get("/api/auth/me", pair.getString("access_token")).status(), "a logout was undone");
            assertEquals(401, api.postJson("/api/auth/refresh", Json.createObjectBuilder()
                    .add("refresh_token", pair.getString("refresh_token")).build().toString()).status(), "an ended login lives again");
        }
    }
}
