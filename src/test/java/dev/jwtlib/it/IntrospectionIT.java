package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.assertInactive;
import static dev.jwtlib.it.Api.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /api/auth/introspect} (RFC 7662) as a client sees it. */
class IntrospectionIT extends DeployedService {

    @Test
    void introspectWhenTokenUsableThenActiveWithTheRfc7662MembersAndTheUser() {
        Api.Client client = api.newClient("svc");
        String username = api.newUser("subject");
        JsonObject login = api.login(username, PASSWORD);
        Api.Reply reply = api.introspect(login.getString("access_token"), client);
        assertEquals(200, reply.status(), reply.body());
        JsonObject json = reply.json();
        assertTrue(json.getBoolean("active"));
        assertEquals(username, json.getString("username"));
        assertEquals("Bearer", json.getString("token_type"));
        assertEquals(api.issuer(), json.getString("iss"), "the issuer is the service's URL");
        assertEquals(List.of("user"), json.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertTrue(json.getJsonNumber("exp").longValue() > json.getJsonNumber("iat").longValue());
        for (String claim : List.of("sub", "jti")) {
            assertTrue(json.containsKey(claim), claim);
        }
        assertFalse(json.containsKey("client_id"), "a user's token names no client");
        assertEquals(username, json.getJsonObject("user").getString("username"));
        assertTrue(json.getJsonObject("user").getBoolean("is_active"));
    }

    @Test
    void introspectWhenTheClientSendsAnyStandardAuthenticationThenTheSameAnswer() {
        // an id with '-' and a secret with a space, '+' and '%': what RFC 6749's form-encoding changes
        Api.Client client = api.newClient("plain-svc", "service client passphrase + percent % sign");
        String token = api.accessToken(api.newUser("methods"));
        assertTrue(api.introspect(token, client).json().getBoolean("active"), "client_secret_basic, RFC 6749 encoded");
        assertTrue(api.introspect(token, Api.basic(client.id(), client.secret())).json().getBoolean("active"),
                "client_secret_basic as curl -u sends it");
        Api.Reply post = api.postForm("/api/auth/introspect", "token=" + Api.form(token) + "&client_id=" + Api.form(client.id())
                + "&client_secret=" + Api.form(client.secret()), null);
        assertEquals(200, post.status(), post.body());
        assertTrue(post.json().getBoolean("active"), "client_secret_post");
        assertTrue(api.introspect(token, "Bearer " + api.clientToken(client)).json().getBoolean("active"),
                "the client's own access token");
        assertProblem(api.postForm("/api/auth/introspect", "token=" + Api.form(token) + "&client_id=" + Api.form(client.id())
                + "&client_secret=" + Api.form(client.secret()), Api.clientBasic(client.id(), client.secret())), 401,
                "one way of client authentication per request");
    }

    @Test
    void introspectWhenJsonBodyThenSameAnswer() {
        Api.Client client = api.newClient("svcjson");
        String token = api.accessToken(api.newUser("json"));
        Api.Reply reply = api.send(api.request("/api/auth/introspect")
                .header("Authorization", Api.clientBasic(client.id(), client.secret()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("token", token).build().toString())));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getBoolean("active"));
    }

    @Test
    void introspectWhenAClientsOwnTokenThenActiveWithItsClientIdAndNoUser() {
        Api.Client client = api.newClient("self");
        Api.Client caller = api.newClient("caller");
        JsonObject json = api.introspect(api.clientToken(client), caller).json();
        assertTrue(json.getBoolean("active"));
        assertEquals(client.id(), json.getString("client_id"));
        assertEquals(client.id(), json.getString("sub"));
        assertFalse(json.containsKey("user"));
    }

    @Test
    void introspectWhenTokenUnusableThenExactlyInactive() {
        Api.Client client = api.newClient("svcbad");
        JsonObject login = api.login(api.newUser("inactive"), PASSWORD);
        assertInactive(api.introspect("garbage", client));
        assertInactive(api.introspect("a.b.c", client));
        assertInactive(api.introspect(login.getString("refresh_token"), client));
        String access = login.getString("access_token");
        String tampered = access.substring(0, access.length() - 4) + (access.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertInactive(api.introspect(tampered, client));
    }

    @Test
    void introspectWhenTokenRevokedThenInactive() {
        Api.Client client = api.newClient("svcrev");
        String token = api.accessToken(api.newUser("revoked"));
        api.send(api.request("/api/auth/logout").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertInactive(api.introspect(token, client));
    }

    @Test
    void introspectWhenCallerNotAuthenticatedThenBasicChallenge() {
        String token = api.accessToken(api.newUser("anon"));
        Api.Reply reply = api.introspect(token, (Api.Client) null);
        assertProblem(reply, 401);
        assertTrue(reply.header("WWW-Authenticate").startsWith("Basic realm=\"jwtlib\""),
                reply.header("WWW-Authenticate"));
    }

    @Test
    void introspectWhenSecretWrongOrClientUnknownThenUnauthorized() {
        Api.Client client = api.newClient("svcwrong");
        assertProblem(api.introspect("x", new Api.Client(client.id(), client.secret() + "!")), 401);
        assertProblem(api.introspect("x", new Api.Client("nobody-" + client.id(), client.secret())), 401);
    }

    @Test
    void introspectWhenTheCallerHasNoServiceRoleThenForbidden() {
        String token = api.accessToken(api.newUser("norole-subject"));
        Api.Client reader = api.newClient("reader", null, "user");
        assertProblem(api.introspect(token, reader), 403);
        assertProblem(api.introspect(token, "Bearer " + api.accessToken(api.newUser("plain-bearer"))), 403,
                "a user's token is no client's");
    }

    @Test
    void introspectWhenTheClientGetsANewSecretOrIsDeletedThenTheOldCredentialsAreRefusedAtOnce() {
        Api.Client client = api.newClient("svcrotated");
        String token = api.accessToken(api.newUser("rotated-subject"));
        String clientToken = api.clientToken(client);
        assertEquals(200, api.introspect(token, client).status());
        Api.Reply renewed = api.postJson("/api/admin/clients/" + client.id() + "/secret", "", api.adminToken());
        assertEquals(200, renewed.status(), renewed.body());
        assertEquals("no-store", renewed.header("Cache-Control"));
        assertProblem(api.introspect(token, client), 401, "the old secret stops at once");
        assertProblem(api.introspect(token, "Bearer " + clientToken), 401, "and so do the tokens it got");
        Api.Client current = new Api.Client(client.id(), renewed.json().getString("client_secret"));
        assertEquals(200, api.introspect(token, current).status());
        assertEquals(204, api.delete("/api/admin/clients/" + client.id(), api.adminToken()).status());
        assertProblem(api.introspect(token, current), 401);
    }

    @Test
    void introspectWhenAUserAccountsPasswordInBasicThenRefusedEvenWithTheServiceRole() {
        String serviceUser = api.newUserWithRoles("svcuser", "service");
        Api.Reply right = api.introspect("x", Api.basic(serviceUser, PASSWORD));
        Api.Reply wrong = api.introspect("x", Api.basic(serviceUser, PASSWORD + "!"));
        assertProblem(right, 401);
        assertProblem(wrong, 401);
        assertEquals(wrong.json().getString("detail"), right.json().getString("detail"), "no oracle for user passwords");
        // the test servers require a second factor for the role service (jwtlib.mfa.required-roles)
        Authenticator app = Authenticator.enrol(api, api.accessToken(serviceUser)).app();
        String token = Authenticator.login(api, serviceUser, app.code(1)).json().getString("access_token");
        assertEquals(200, api.introspect(api.accessToken(api.newUser("by-service-user")), "Bearer " + token).status(),
                "a service account's access token still works as a caller, as before");
    }

    @Test
    void introspectWhenWrongSecretsFromElsewhereThenTheClientsRightSecretStillWorks() {
        Api.Client client = api.newClient("svcguessed");
        String token = api.accessToken(api.newUser("guessed-subject"));
        Api attacker = api.from("203.0.113.66");
        for (int i = 0; i < 10; i++) {
            Api.Reply guess = attacker.introspect(token, new Api.Client(client.id(), "guess " + i));
            assertEquals(401, guess.status(), guess.body());
        }
        assertProblem(attacker.introspect(token, new Api.Client(client.id(), "guess 11")), 429,
                "failures are throttled per source address");
        Api.Reply right = attacker.introspect(token, client);
        assertEquals(200, right.status(), "the right secret keeps working, even from that address (a shared NAT): " + right.body());
        assertEquals(200, api.introspect(token, client).status(), "never a lockout of the client");
        assertTrue(api.introspect(token, client).json().getBoolean("active"));
    }

    @Test
    void introspectWhenTokenParameterMissingThenBadRequest() {
        Api.Client client = api.newClient("svcmissing");
        assertProblem(api.postForm("/api/auth/introspect", "token_type_hint=access_token",
                Api.clientBasic(client.id(), client.secret())), 400);
        assertProblem(api.send(api.request("/api/auth/introspect")
                .header("Authorization", Api.clientBasic(client.id(), client.secret()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":{\"$ne\":null}}"))), 400);
    }
}
