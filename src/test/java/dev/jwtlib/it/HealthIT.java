package dev.jwtlib.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** MicroProfile Health: readiness reports the user store. */
class HealthIT extends DeployedService {

    @Test
    void readyWhenStoreReachableThenUpWithStoreCheck() {
        Api.Reply reply = api.get("/health/ready", null);
        assertEquals(200, reply.status(), reply.body());
        JsonObject health = reply.json();
        assertEquals("UP", health.getString("status"));
        assertEquals("user-store", health.getJsonArray("checks").getJsonObject(0).getString("name"));
    }

    @Test
    void liveWhenDeployedThenUp() {
        Api.Reply reply = api.get("/health/live", null);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("UP", reply.json().getString("status"));
    }
}
