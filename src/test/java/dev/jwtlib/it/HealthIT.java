package dev.jwtlib.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MicroProfile Health: readiness reports the user store. */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    private final Api api = Api.fromSystemProperties();

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
