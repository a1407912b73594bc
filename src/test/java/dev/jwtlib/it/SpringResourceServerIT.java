package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Spring Boot 3.5 resource server (src/it/spring-resource-server: Spring Security's own token
 * checks, configured by properties) against the real auth service: in JWT mode given only the
 * issuer (it finds the JWKS and the algorithm through the RFC 8414 metadata), and in opaque-token
 * mode introspecting with a client whose id has a '-' and whose secret has spaces, which Spring
 * form-encodes into HTTP Basic as RFC 6749 section 2.3.1 says.
 */
class SpringResourceServerIT extends DeployedService {

    private static ExternalApp jwt;
    private static ExternalApp opaque;

    @BeforeAll
    static void startTheSpringApps() throws Exception {
        Api service = Api.fromSystemProperties();
        Api.Client client = service.newClient("spring-rs", "the spring resource server's passphrase + more");
        Path jar = Path.of(System.getProperty("jwtlib.it.spring-jar"));
        jwt = ExternalApp.start("spring-jwt", jar, List.of("--spring.profiles.active=jwt",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + service.issuer()));
        opaque = ExternalApp.start("spring-opaque", jar, List.of("--spring.profiles.active=opaque",
                "--spring.security.oauth2.resourceserver.opaquetoken.introspection-uri=" + service.base() + "/api/auth/introspect",
                "--spring.security.oauth2.resourceserver.opaquetoken.client-id=" + client.id(),
                "--spring.security.oauth2.resourceserver.opaquetoken.client-secret=" + client.secret()));
        jwt.awaitReady("/api/public");
        opaque.awaitReady("/api/public");
    }

    @AfterAll
    static void stopTheSpringApps() throws InterruptedException {
        for (ExternalApp app : new ExternalApp[] {jwt, opaque}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void jwtModeWithOnlyTheIssuerThenUsersTokenAcceptedRolesMappedAndForgeriesRefused() {
        String username = api.newUser("spring");
        String token = api.accessToken(username);
        Api.Reply reply = jwt.api.get("/api/reports", token);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("reports of " + username, reply.body());
        assertEquals(403, jwt.api.get("/api/reports/all", token).status(), "groups [user] is no ROLE_admin");
        assertEquals(200, jwt.api.get("/api/reports/all", api.adminToken()).status());
        Api.Reply none = jwt.api.get("/api/reports", null);
        assertEquals(401, none.status());
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"), none.header("WWW-Authenticate"));
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"user\"", "\"admin\"").getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(401, jwt.api.get("/api/reports/all", tampered).status());
    }

    @Test
    void jwtModeWhenAClientsOwnTokenThenAcceptedUnderTheClientsId() {
        Api.Client client = api.newClient("spring-caller");
        Api.Reply reply = jwt.api.get("/api/reports", api.clientToken(client));
        assertEquals(200, reply.status(), reply.body());
        assertEquals("reports of client:" + client.id(), reply.body(), "a client's name can never be a user's");
    }

    @Test
    void opaqueModeThenIntrospectedTokenAcceptedRolesMappedAndALoggedOutTokenRefused() {
        String username = api.newUser("spring-opaque");
        String token = api.accessToken(username);
        Api.Reply reply = opaque.api.get("/api/reports", token);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("reports of " + username, reply.body());
        assertEquals(403, opaque.api.get("/api/reports/all", token).status());
        assertEquals(200, opaque.api.get("/api/reports/all", api.adminToken()).status());
        assertEquals(401, opaque.api.get("/api/reports", "not-a-token").status());
        api.send(api.request("/api/auth/logout").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, opaque.api.get("/api/reports", token).status(), "introspection says inactive at once");
        assertEquals(200, opaque.api.get("/api/reports", api.login(username, PASSWORD).getString("access_token")).status());
    }
}
