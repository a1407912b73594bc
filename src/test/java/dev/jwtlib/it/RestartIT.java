package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users, signing keys and revocations survive a restart of the application: the embedded store
 * is closed and reopened from its file, and the key ring is read back from it.
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

    static {
        TestSmtp.start();
    }

    private static final String APP = "restarted";

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    private Deployer deployer;

    private final Api api = Api.fromSystemProperties();

    @Test
    void restartWhenAppRedeployedThenUsersKeysAndRevocationsKept() {
        deployer.deploy(APP);
        String username = api.newUser("persist");
        String token = api.accessToken(username);
        String revoked = api.accessToken(username);
        api.send(api.request("/api/auth/logout").header("Authorization", "Bearer " + revoked)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        String jwks = api.get("/.well-known/jwks.json", null).body();

        deployer.undeploy(APP);
        deployer.deploy(APP);
        try {
            assertEquals(jwks, api.get("/.well-known/jwks.json", null).body());
            assertEquals(200, api.get("/api/auth/me", token).status());
            assertEquals(401, api.get("/api/auth/me", revoked).status());
            assertEquals(username, api.login(username, PASSWORD).getJsonObject("user").getString("username"));
        } finally {
            deployer.undeploy(APP);
        }
    }
}
