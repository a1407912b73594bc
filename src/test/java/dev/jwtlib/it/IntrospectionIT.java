package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.assertInactive;
import static dev.jwtlib.it.Api.assertProblem;
import static dev.jwtlib.it.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /api/auth/introspect} (RFC 7662) as a service client sees it. */
class IntrospectionIT extends DeployedService {

    @Test
    void introspectWhenTokenUsableThenActiveWithClaimsAndUser() {
        String client = api.newUserWithRoles("svc", "service");
        String username = api.newUser("subject");
        JsonObject login = api.login(username, PASSWORD);
        Api.Reply reply = api.introspect(login.getString("access_token"), client, PASSWORD);
        assertEquals(200, reply.status(), reply.body());
        JsonObject json = reply.json();
        assertTrue(json.getBoolean("active"));
        assertEquals(username, json.getString("username"));
        assertEquals("Bearer", json.getString("token_type"));
        assertEquals("jwtlib", json.getString("iss"));
        assertEquals(List.of("user"), json.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertTrue(json.getJsonNumber("exp").longValue() > json.getJsonNumber("iat").longValue());
        for (String claim : List.of("sub", "jti")) {
            assertTrue(json.containsKey(claim), claim);
        }
        assertEquals(username, json.getJsonObject("user").getString("username"));
        assertTrue(json.getJsonObject("user").getBoolean("is_active"));
    }

    @Test
    void introspectWhenJsonBodyThenSameAnswer() {
        String client = api.newUserWithRoles("svcjson", "service");
        String token = api.accessToken(api.newUser("json"));
        Api.Reply reply = api.send(api.request("/api/auth/introspect")
                .header("Authorization", Api.basic(client, PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("token", token).build().toString())));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getBoolean("active"));
    }

    @Test
    void introspectWhenTokenUnusableThenExactlyInactive() {
        String client = api.newUserWithRoles("svcbad", "service");
        JsonObject login = api.login(api.newUser("inactive"), PASSWORD);
        assertInactive(api.introspect("garbage", client, PASSWORD));
        assertInactive(api.introspect("a.b.c", client, PASSWORD));
        assertInactive(api.introspect(login.getString("refresh_token"), client, PASSWORD));
        String access = login.getString("access_token");
        String tampered = access.substring(0, access.length() - 4) + (access.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertInactive(api.introspect(tampered, client, PASSWORD));
    }

    @Test
    void introspectWhenTokenRevokedThenInactive() {
        String client = api.newUserWithRoles("svcrev", "service");
        String token = api.accessToken(api.newUser("revoked"));
        api.send(api.request("/api/auth/logout").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertInactive(api.introspect(token, client, PASSWORD));
    }

    @Test
    void introspectWhenCallerNotAuthenticatedThenBasicChallenge() {
        String token = api.accessToken(api.newUser("anon"));
        Api.Reply reply = api.introspect(token, null, null);
        assertProblem(reply, 401);
        assertTrue(reply.header("WWW-Authenticate").startsWith("Basic realm=\"jwtlib\""),
                reply.header("WWW-Authenticate"));
    }

    @Test
    void introspectWhenCallerPasswordWrongThenUnauthorized() {
        String client = api.newUserWithRoles("svcwrong", "service");
        assertProblem(api.introspect("x", client, PASSWORD + "!"), 401);
        assertProblem(api.introspect("x", "nobody-" + client, PASSWORD), 401);
    }

    @Test
    void introspectWhenClientLosesServiceRoleThenRefusedAtOnce() {
        String client = api.newUserWithRoles("svcdemoted", "service");
        String token = api.accessToken(api.newUser("demoted-subject"));
        assertEquals(200, api.introspect(token, client, PASSWORD).status());
        assertEquals(200, api.patchJson("/api/admin/users/" + client, "{\"roles\":[\"user\"]}", api.adminToken()).status());
        assertProblem(api.introspect(token, client, PASSWORD), 401);
    }

    @Test
    void introspectWhenClientDeactivatedThenRefusedAtOnce() {
        String client = api.newUserWithRoles("svcoff", "service");
        String token = api.accessToken(api.newUser("off-subject"));
        assertEquals(200, api.introspect(token, client, PASSWORD).status());
        assertEquals(200, api.patchJson("/api/admin/users/" + client, "{\"is_active\":false}", api.adminToken()).status());
        assertProblem(api.introspect(token, client, PASSWORD), 401);
    }

    @Test
    void introspectWhenAnOrdinaryAccountsRightPasswordThenRefusedLikeAWrongOneNeverChecked() {
        String plainUser = api.newUser("plain");
        Api.Reply right = api.introspect("x", plainUser, PASSWORD);
        Api.Reply wrong = api.introspect("x", plainUser, PASSWORD + "!");
        assertProblem(right, 401);
        assertProblem(wrong, 401);
        assertEquals(wrong.json().getString("detail"), right.json().getString("detail"), "no oracle for user passwords");
        for (int i = 0; i < 5; i++) {
            api.postJson("/api/auth/login", credentials(plainUser, "wrong " + i));
        }
        assertProblem(api.postJson("/api/auth/login", credentials(plainUser, PASSWORD)), 429);
        assertProblem(api.introspect("x", plainUser, PASSWORD), 401, "locked at login, still no answer here");
    }

    @Test
    void introspectWhenWrongSecretsFromElsewhereThenTheClientsRightSecretStillWorks() {
        String client = api.newUserWithRoles("svcguessed", "service");
        String token = api.accessToken(api.newUser("guessed-subject"));
        Api attacker = api.from("203.0.113.66");
        for (int i = 0; i < 12; i++) {
            Api.Reply guess = attacker.introspect(token, client, "guess " + i);
            assertTrue(guess.status() == 401 || guess.status() == 429, "status " + guess.status());
        }
        assertProblem(attacker.introspect(token, client, "guess 13"), 429, "failures are throttled per source address");
        assertEquals(200, api.introspect(token, client, PASSWORD).status(), "never a lockout of the client");
        assertTrue(api.introspect(token, client, PASSWORD).json().getBoolean("active"));
    }

    @Test
    void introspectWhenTokenParameterMissingThenBadRequest() {
        String client = api.newUserWithRoles("svcmissing", "service");
        assertProblem(api.send(api.request("/api/auth/introspect")
                .header("Authorization", Api.basic(client, PASSWORD))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token_type_hint=access_token"))), 400);
        assertProblem(api.send(api.request("/api/auth/introspect")
                .header("Authorization", Api.basic(client, PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":{\"$ne\":null}}"))), 400);
    }
}
