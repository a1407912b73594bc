package dev.jwtlib.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health: readiness reports the user store. The health endpoint belongs to the
 * server (Liberty: the HTTP port; WildFly: the management port), so its URL is a container setting.
 */
class HealthIT extends DeployedService {

    private Api.Reply health(String check) {
        String base = System.getProperty("jwtlib.it.health-url");
        return api.send(HttpRequest.newBuilder(URI.create(base + "/" + check)).GET());
    }

    @Test
    void readyWhenStoreReachableThenUpWithStoreCheck() {
        Api.Reply reply = health("ready");
        assertEquals(200, reply.status(), reply.body());
        JsonObject health = reply.json();
        assertEquals("UP", health.getString("status"));
        assertTrue(health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> "user-store".equals(c.getString("name")) && "UP".equals(c.getString("status"))),
                reply.body());
    }

    @Test
    void liveWhenDeployedThenUp() {
        Api.Reply reply = health("live");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("UP", reply.json().getString("status"));
    }
}
