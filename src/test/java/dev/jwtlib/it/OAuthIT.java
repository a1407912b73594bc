package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The OAuth 2.0 surface with a plain HTTP client: metadata (RFC 8414), the client administration,
 * the token endpoint (RFC 6749), revocation (RFC 7009), their hostile inputs, and CORS. (Third-party
 * clients: {@link NimbusOAuthClientIT}, {@link SpringResourceServerIT}.)
 */
class OAuthIT extends DeployedService {

    private static final String ORIGIN = "https://app.example.test";

    private Api.Reply token(String form, String authorization) {
        return api.postForm("/oauth2/token", form, authorization);
    }

    private static JsonObject assertOAuthError(Api.Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
        JsonObject body = reply.json();
        assertEquals(error, body.getString("error"), reply.body());
        assertFalse(body.getString("error_description").isBlank());
        assertEquals("no-store", reply.header("Cache-Control"));
        return body;
    }

    // --- metadata -------------------------------------------------------------------------

    @Test
    void metadataThenTheIssuerOfEveryTokenAndItsEndpoints() {
        Api.Reply reply = api.get("/.well-known/oauth-authorization-server", null);
        assertEquals(200, reply.status(), reply.body());
        JsonObject metadata = reply.json();
        assertEquals(api.issuer(), metadata.getString("issuer"));
        String token = api.accessToken(api.newUser("iss"));
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"iss\":\"" + api.issuer() + "\""), payload);
        assertEquals(api.issuer() + "/.well-known/jwks.json", metadata.getString("jwks_uri"));
        assertEquals(api.issuer() + "/oauth2/token", metadata.getString("token_endpoint"));
        assertEquals(api.issuer() + "/api/auth/introspect", metadata.getString("introspection_endpoint"));
        assertEquals(api.issuer() + "/oauth2/revoke", metadata.getString("revocation_endpoint"));
        assertEquals("[\"client_credentials\",\"refresh_token\"]", metadata.getJsonArray("grant_types_supported").toString());
        assertEquals("[\"client_secret_basic\",\"client_secret_post\",\"none\"]",
                metadata.getJsonArray("token_endpoint_auth_methods_supported").toString(), "none: the login's refresh grant");
        assertEquals("[\"client_secret_basic\",\"client_secret_post\"]",
                metadata.getJsonArray("introspection_endpoint_auth_methods_supported").toString());
        assertFalse(metadata.containsKey("authorization_endpoint"));
        assertEquals(404, api.get("/.well-known/oauth-authorization-server/some/path", null).status(),
                "the issuer has no path, so nothing is served under one");
    }

    // --- client administration -------------------------------------------------------------

    @Test
    void clientsWhenAdministeredThenTheSecretIsShownOnceAndNeverListed() {
        String admin = api.adminToken();
        Api.Reply created = api.postJson("/api/admin/clients",
                "{\"client_id\":\"" + Api.uniqueName("orders-svc") + "\",\"description\":\"orders\"}", admin);
        assertEquals(201, created.status(), created.body());
        assertEquals("no-store", created.header("Cache-Control"));
        JsonObject client = created.json();
        String id = client.getString("client_id");
        assertTrue(created.header("Location").endsWith("/api/admin/clients/" + id), created.header("Location"));
        assertEquals(43, client.getString("client_secret").length(), "256 random bits");
        assertEquals("[\"service\"]", client.getJsonArray("roles").toString());
        Api.Reply read = api.get("/api/admin/clients/" + id, admin);
        assertEquals(200, read.status(), read.body());
        assertFalse(read.body().contains("secret"), read.body());
        Api.Reply list = api.get("/api/admin/clients?limit=200", admin);
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains(id));
        assertFalse(list.body().contains(client.getString("client_secret")));
        assertFalse(list.body().contains("digest"));
        assertProblem(api.postJson("/api/admin/clients", "{\"client_id\":\"" + id + "\"}", admin), 409);
        assertEquals(204, api.delete("/api/admin/clients/" + id, admin).status());
        assertProblem(api.get("/api/admin/clients/" + id, admin), 404);
        assertProblem(api.delete("/api/admin/clients/" + id, admin), 404);
    }

    @Test
    void clientsWhenNotAnAdminThen401Or403() {
        assertProblem(api.get("/api/admin/clients", null), 401);
        assertProblem(api.postJson("/api/admin/clients", "{}", api.accessToken(api.newUser("notadmin"))), 403);
        Api.Client service = api.newClient("svc-not-admin");
        assertProblem(api.get("/api/admin/clients", api.clientToken(service)), 403);
    }

    @Test
    void clientsWhenHostileInputThen400AndNothingMade() {
        String admin = api.adminToken();
        long before = api.get("/api/admin/clients?limit=1", admin).json().getJsonNumber("total").longValue();
        for (String body : new String[] {"{\"client_id\":{\"$ne\":null}}", "{\"client_id\":42}", "{\"roles\":\"admin\"}",
                "{\"roles\":[\"root\"]}", "{\"client_id\":\"a b\"}", "{\"client_id\":\"x\"}", "{\"client_secret\":\"short\"}",
                "{\"client_id\":\"123e4567-e89b-12d3-a456-426614174000\"}", "{\"description\":\"" + "d".repeat(300) + "\"}",
                "[]", "not json"}) {
            assertProblem(api.postJson("/api/admin/clients", body, admin), 400, body);
        }
        assertProblem(api.postJson("/api/admin/clients", "{\"description\":\"" + "x".repeat(70_000) + "\"}", admin), 413);
        assertProblem(api.get("/api/admin/clients?limit=100000", admin), 400);
        assertEquals(before, api.get("/api/admin/clients?limit=1", admin).json().getJsonNumber("total").longValue());
    }

    // --- token endpoint -----------------------------------------------------------------------

    @Test
    void tokenWhenClientCredentialsThenABearerTokenOfTheClientNeverCached() {
        Api.Client client = api.newClient("cc-svc");
        Api.Reply reply = token("grant_type=client_credentials", Api.clientBasic(client.id(), client.secret()));
        assertEquals(200, reply.status(), reply.body());
        assertEquals("no-store", reply.header("Cache-Control"));
        JsonObject json = reply.json();
        assertEquals("Bearer", json.getString("token_type"));
        assertTrue(json.getJsonNumber("expires_in").longValue() > 0);
        assertFalse(json.containsKey("refresh_token"));
        Api.Reply post = token("grant_type=client_credentials&client_id=" + Api.form(client.id()) + "&client_secret="
                + Api.form(client.secret()), null);
        assertEquals(200, post.status(), post.body());
        assertProblem(api.get("/api/auth/me", json.getString("access_token")), 401, "a client is no user: /me has nobody to show");
    }

    @Test
    void tokenWhenRefreshTokenGrantThenTheSameSingleUseAsTheApi() {
        JsonObject login = api.login(api.newUser("oauth-refresh"), PASSWORD);
        String refreshToken = login.getString("refresh_token");
        Api.Reply first = token("grant_type=refresh_token&refresh_token=" + Api.form(refreshToken), null);
        assertEquals(200, first.status(), first.body());
        assertEquals("no-store", first.header("Cache-Control"));
        String next = first.json().getString("refresh_token");
        assertOAuthError(token("grant_type=refresh_token&refresh_token=" + Api.form(refreshToken), null), 400, "invalid_grant");
        assertOAuthError(token("grant_type=refresh_token&refresh_token=" + Api.form(next), null), 400, "invalid_grant");
        assertProblem(api.postJson("/api/auth/refresh", "{\"refresh_token\":\"" + next + "\"}"), 401,
                "the reuse ended the login for the API too");
    }

    @Test
    void tokenWhenBadRequestsThenOAuthErrors() {
        Api.Client client = api.newClient("bad-requests");
        String auth = Api.clientBasic(client.id(), client.secret());
        assertOAuthError(token("", auth), 400, "invalid_request");
        assertOAuthError(token("grant_type=client_credentials&grant_type=refresh_token", auth), 400, "invalid_request");
        assertOAuthError(token("grant_type=password&username=x&password=y", auth), 400, "unsupported_grant_type");
        assertOAuthError(token("grant_type=authorization_code&code=x", auth), 400, "unsupported_grant_type");
        assertOAuthError(token("grant_type=refresh_token", null), 400, "invalid_request");
        assertOAuthError(token("grant_type=refresh_token&refresh_token=made-up", null), 400, "invalid_grant");
        JsonObject noClient = assertOAuthError(token("grant_type=client_credentials", null), 401, "invalid_client");
        assertFalse(noClient.isEmpty());
        Api.Reply wrong = token("grant_type=client_credentials", Api.clientBasic(client.id(), "wrong"));
        assertOAuthError(wrong, 401, "invalid_client");
        assertTrue(wrong.header("WWW-Authenticate").startsWith("Basic"), wrong.header("WWW-Authenticate"));
        assertOAuthError(api.postJson("/oauth2/token", "{\"grant_type\":\"client_credentials\"}"), 400, "invalid_request");
        assertOAuthError(token("grant_type=client_credentials&client_id=" + Api.form(client.id()), null), 401,
                "invalid_client");
    }

    // --- revocation ---------------------------------------------------------------------------

    @Test
    void revokeThenAccessTokenAndLoginEndAndAnyTokenIs200() {
        JsonObject login = api.login(api.newUser("oauth-revoke"), PASSWORD);
        assertEquals(200, api.postForm("/oauth2/revoke", "token=" + Api.form(login.getString("access_token"))
                + "&token_type_hint=access_token", null).status());
        assertProblem(api.get("/api/auth/me", login.getString("access_token")), 401);
        assertEquals(200, api.postForm("/oauth2/revoke", "token=" + Api.form(login.getString("refresh_token")), null).status());
        assertProblem(api.postJson("/api/auth/refresh", "{\"refresh_token\":\"" + login.getString("refresh_token") + "\"}"), 401);
        assertEquals(200, api.postForm("/oauth2/revoke", "token=never-issued&token_type_hint=something_else", null).status());
        assertOAuthError(api.postForm("/oauth2/revoke", "token_type_hint=access_token", null), 400, "invalid_request");
        assertOAuthError(api.postForm("/oauth2/revoke", "token=x", Api.clientBasic("nobody-here", "wrong")), 401,
                "invalid_client");
    }

    // --- CORS -----------------------------------------------------------------------------------

    private Api.Reply preflight(String path, String origin) {
        return api.send(api.request(path).header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void corsWhenAPreflightFromAConfiguredOriginThenAnsweredWithoutCredentials() {
        Api.Reply reply = preflight("/api/auth/me", ORIGIN);
        assertTrue(reply.status() == 200 || reply.status() == 204, reply.status() + " " + reply.body());
        assertEquals(ORIGIN, reply.header("Access-Control-Allow-Origin"));
        assertTrue(reply.header("Access-Control-Allow-Methods").contains("GET"));
        assertTrue(reply.header("Access-Control-Allow-Headers").toLowerCase().contains("authorization"));
        assertNull(reply.header("Access-Control-Allow-Credentials"), "tokens are headers, not cookies");
        Api.Reply other = preflight("/api/auth/me", "https://evil.example.test");
        assertNull(other.header("Access-Control-Allow-Origin"), "another origin gets no permission");
    }

    @Test
    void corsWhenRequestsFromAConfiguredOriginThenEveryAnswerCarriesTheOriginRefusalsToo() {
        String username = api.newUser("cors");
        Api.Reply login = api.send(api.request("/api/auth/login").header("Origin", ORIGIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.credentials(username, PASSWORD))));
        assertEquals(200, login.status(), login.body());
        assertEquals(ORIGIN, login.header("Access-Control-Allow-Origin"));
        Api.Reply refused = api.send(api.request("/api/auth/me").header("Origin", ORIGIN).GET());
        assertEquals(401, refused.status());
        assertEquals(ORIGIN, refused.header("Access-Control-Allow-Origin"), "the app can read why it was refused");
        assertTrue(refused.header("Access-Control-Expose-Headers").contains("WWW-Authenticate"));
        Api.Reply jwks = api.send(api.request("/.well-known/jwks.json").header("Origin", ORIGIN).GET());
        assertEquals(ORIGIN, jwks.header("Access-Control-Allow-Origin"));
        Api.Reply elsewhere = api.send(api.request("/.well-known/jwks.json").header("Origin", "https://evil.example.test").GET());
        assertNull(elsewhere.header("Access-Control-Allow-Origin"));
    }
}
