package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.assertBearerChallenge;
import static dev.jwtlib.it.Api.assertInactive;
import static dev.jwtlib.it.Api.assertInvalidToken;
import static dev.jwtlib.it.Api.assertProblem;
import static dev.jwtlib.it.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** {@code /api/admin/users}: the role × endpoint matrix and what changes do to tokens. */
class AdminIT extends DeployedService {

    @Test
    void listWhenAdminThenPageAndTotal() {
        api.newUser("listed");
        Api.Reply reply = api.get("/api/admin/users?offset=0&limit=2", api.adminToken());
        assertEquals(200, reply.status(), reply.body());
        JsonObject page = reply.json();
        assertEquals(2, page.getJsonArray("users").size());
        assertTrue(page.getJsonNumber("total").longValue() >= 2);
        assertFalse(reply.body().contains("password"), reply.body());
    }

    @Test
    void listWhenQueryThenOnlyUsernamesStartingWithItAndTheirCount() {
        String prefix = Api.uniqueName("srch");
        String first = api.newUser(prefix + "-a");
        String second = api.newUser(prefix + "-b");
        api.newUser("other");
        JsonObject page = api.get("/api/admin/users?q=" + prefix.toUpperCase(), api.adminToken()).json();
        assertEquals(2, page.getJsonNumber("total").longValue(), page.toString());
        assertEquals(java.util.List.of(first, second), page.getJsonArray("users").stream()
                .map(u -> u.asJsonObject().getString("username")).toList());
        assertEquals(1, api.get("/api/admin/users?q=" + prefix + "&limit=1&offset=1", api.adminToken()).json()
                .getJsonArray("users").size());
        assertEquals(0, api.get("/api/admin/users?q=" + prefix + "-zzz", api.adminToken()).json()
                .getJsonNumber("total").longValue());
        assertProblem(api.get("/api/admin/users?q=" + "x".repeat(65), api.adminToken()), 400);
        assertProblem(api.get("/api/admin/users?q=%00", api.adminToken()), 400);
        assertEquals(200, api.get("/api/admin/users?q=%5E.*%24%7B%7D", api.adminToken()).status(), "no pattern: plain text");
    }

    @Test
    void keysWhenListedThenThePublishedKeysWithTheSignerMarked() {
        Api.Reply reply = api.get("/api/admin/keys", api.adminToken());
        assertEquals(200, reply.status(), reply.body());
        JsonObject list = reply.json();
        assertTrue(list.getBoolean("rotatable"));
        var keys = list.getJsonArray("keys");
        assertEquals(1, keys.stream().filter(k -> k.asJsonObject().getString("state").equals("signing")).count(), list.toString());
        JsonObject jwks = api.get("/.well-known/jwks.json", null).json();
        assertEquals(jwks.getJsonArray("keys").size(), keys.size(), "the same keys as the JWKS");
        assertProblem(api.get("/api/admin/keys", api.accessToken(api.newUser("keysnotadmin"))), 403);
        assertProblem(api.get("/api/admin/keys", null), 401);
    }

    @Test
    void listWhenPagingParametersInvalidThenBadRequest() {
        String admin = api.adminToken();
        assertProblem(api.get("/api/admin/users?limit=0", admin), 400);
        assertProblem(api.get("/api/admin/users?limit=100000", admin), 400);
        assertProblem(api.get("/api/admin/users?offset=-1", admin), 400);
        assertProblem(api.get("/api/admin/users?offset=abc", admin), 400);
    }

    @Test
    void adminEndpointsWhenAnonymousThenBearerChallenge() {
        assertBearerChallenge(api.get("/api/admin/users", null));
        assertBearerChallenge(api.get("/api/admin/users/it-admin", null));
        assertBearerChallenge(api.send(api.request("/api/admin/users/it-admin").DELETE()));
    }

    @Test
    void adminEndpointsWhenUserRoleThenForbidden() {
        String username = api.newUser("notadmin");
        String token = api.accessToken(username);
        assertProblem(api.get("/api/admin/users", token), 403);
        assertProblem(api.get("/api/admin/users/" + username, token), 403);
        assertProblem(api.patchJson("/api/admin/users/" + username, "{\"roles\":[\"admin\"]}", token), 403);
        assertProblem(api.delete("/api/admin/users/" + username, token), 403);
    }

    @Test
    void adminEndpointsWhenServiceRoleThenForbidden() {
        String service = api.newUserWithRoles("svconly", "service");
        assertProblem(api.get("/api/admin/users", api.accessToken(service)), 403);
    }

    @Test
    void getWhenUnknownThenNotFound() {
        assertProblem(api.get("/api/admin/users/nobody-by-this-name", api.adminToken()), 404);
        assertProblem(api.patchJson("/api/admin/users/nobody-by-this-name", "{\"is_active\":false}",
                api.adminToken()), 404);
        assertProblem(api.delete("/api/admin/users/nobody-by-this-name", api.adminToken()), 404);
    }

    @Test
    void patchWhenDeactivatedThenTokensStopAndLoginRefused() {
        String username = api.newUser("deact");
        JsonObject login = api.login(username, PASSWORD);
        Api.Client client = api.newClient("svcdeact");
        Api.Reply reply = api.patchJson("/api/admin/users/" + username, "{\"is_active\":false}", api.adminToken());
        assertEquals(200, reply.status(), reply.body());
        assertFalse(reply.json().getBoolean("is_active"));

        assertInvalidToken(api.get("/api/auth/me", login.getString("access_token")));
        assertInactive(api.introspect(login.getString("access_token"), client));
        assertInvalidToken(api.postJson("/api/auth/refresh",
                "{\"refresh_token\":\"" + login.getString("refresh_token") + "\"}"));
        assertProblem(api.postJson("/api/auth/login", credentials(username, PASSWORD)), 401);

        assertEquals(200, api.patchJson("/api/admin/users/" + username, "{\"is_active\":true}", api.adminToken()).status());
        assertEquals(200, api.get("/api/auth/me", api.accessToken(username)).status());
    }

    @Test
    void patchWhenRolesGrantedThenNewTokensCarryThem() {
        String username = api.newUser("promote");
        Api.Reply reply = api.patchJson("/api/admin/users/" + username, "{\"roles\":[\"user\",\"admin\"]}",
                api.adminToken());
        assertEquals(200, reply.status(), reply.body());
        assertEquals(200, api.get("/api/admin/users", api.accessToken(username)).status());
    }

    @Test
    void patchWhenBodyInvalidThenBadRequestAndNothingChanged() {
        String username = api.newUser("badpatch");
        String admin = api.adminToken();
        assertProblem(api.patchJson("/api/admin/users/" + username, "{\"is_active\":\"false\"}", admin), 400);
        assertProblem(api.patchJson("/api/admin/users/" + username, "{\"roles\":\"admin\"}", admin), 400);
        assertProblem(api.patchJson("/api/admin/users/" + username, "{\"roles\":[\"root\"]}", admin), 400);
        assertProblem(api.patchJson("/api/admin/users/" + username, "{\"roles\":[{\"$set\":1}]}", admin), 400);
        JsonObject user = api.get("/api/admin/users/" + username, admin).json();
        assertTrue(user.getBoolean("is_active"));
        assertEquals(1, user.getJsonArray("roles").size());
    }

    @Test
    void rotateWhenAdminThenNewKeyPublishedBeforeItSigns() {
        String before = api.accessToken(api.newUser("rotate"));
        Api.Reply reply = api.send(api.request("/api/admin/keys/rotate")
                .header("Authorization", "Bearer " + api.adminToken())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, reply.status(), reply.body());
        String kid = reply.json().getString("kid");
        assertTrue(reply.json().getJsonNumber("activates_at").longValue() > System.currentTimeMillis() / 1000);

        JsonObject jwks = api.get("/.well-known/jwks.json", null).json();
        assertTrue(jwks.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .anyMatch(k -> kid.equals(k.getString("kid"))), jwks.toString());
        assertEquals(200, api.get("/api/auth/me", before).status());
        String after = api.accessToken(api.newUser("rotated"));
        assertTrue(!after.isEmpty() && !header(after).contains(kid), "the new key signs before its activation");
    }

    @Test
    void rotateWhenNotAdminThenRefused() {
        assertBearerChallenge(api.send(api.request("/api/admin/keys/rotate")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())));
        assertProblem(api.send(api.request("/api/admin/keys/rotate")
                .header("Authorization", "Bearer " + api.accessToken(api.newUser("norotate")))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())), 403);
    }

    private static String header(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void deleteWhenAdminThenGoneAndTokensStop() {
        String username = api.newUser("gone");
        String token = api.accessToken(username);
        Api.Reply reply = api.delete("/api/admin/users/" + username, api.adminToken());
        assertEquals(204, reply.status(), reply.body());
        assertInvalidToken(api.get("/api/auth/me", token));
        assertProblem(api.get("/api/admin/users/" + username, api.adminToken()), 404);
        assertProblem(api.postJson("/api/auth/login", credentials(username, PASSWORD)), 401);
    }
}
