package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.assertBearerChallenge;
import static dev.jwtlib.it.Api.assertInvalidToken;
import static dev.jwtlib.it.Api.assertProblem;
import static dev.jwtlib.it.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Login, refresh, logout and {@code /me}: success and failure rows, rotation and revocation. */
class SessionIT extends DeployedService {

    @Test
    void loginWhenCredentialsRightThenFullLoginResponse() {
        String username = api.newUser("login");
        JsonObject response = api.login(username.toUpperCase(), PASSWORD);
        assertEquals(Set.of("access_token", "token_type", "expires_in", "refresh_token", "user"), response.keySet());
        assertEquals("Bearer", response.getString("token_type"));
        assertEquals(900, response.getInt("expires_in"));
        assertTrue(response.getString("refresh_token").length() >= 43);
        assertEquals(username, response.getJsonObject("user").getString("username"));
        assertEquals(3, response.getString("access_token").split("\\.").length);
    }

    @Test
    void loginAndRefreshWhenSuccessfulThenTokensNotCacheable() {
        String username = api.newUser("nostore");
        Api.Reply login = api.postJson("/api/auth/login", credentials(username, PASSWORD));
        assertTrue(login.header("Cache-Control").contains("no-store"), login.header("Cache-Control"));
        Api.Reply refresh = api.postJson("/api/auth/refresh", refreshBody(login.json().getString("refresh_token")));
        assertEquals(200, refresh.status(), refresh.body());
        assertTrue(refresh.header("Cache-Control").contains("no-store"), refresh.header("Cache-Control"));
    }

    @Test
    void loginWhenFiveFailuresThenLockedEvenForTheRightPassword() {
        String username = api.newUser("lock");
        for (int i = 0; i < 5; i++) {
            assertProblem(api.postJson("/api/auth/login", credentials(username, "wrong password number " + i)), 401);
        }
        Api.Reply locked = api.postJson("/api/auth/login", credentials(username, PASSWORD));
        assertProblem(locked, 429);
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 300, locked.header("Retry-After"));
    }

    @Test
    void loginWhenUnknownUsernameFailsRepeatedlyThenLockedTheSameWay() {
        String ghost = Api.uniqueName("ghost");
        for (int i = 0; i < 5; i++) {
            assertProblem(api.postJson("/api/auth/login", credentials(ghost, PASSWORD)), 401);
        }
        assertProblem(api.postJson("/api/auth/login", credentials(ghost, PASSWORD)), 429);
    }

    @Test
    void loginWhenFailuresInterruptedBySuccessThenCountStartsOver() {
        String username = api.newUser("reset");
        for (int i = 0; i < 4; i++) {
            assertProblem(api.postJson("/api/auth/login", credentials(username, "not it " + i)), 401);
        }
        api.login(username, PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertProblem(api.postJson("/api/auth/login", credentials(username, "not it " + i)), 401);
        }
        assertEquals(200, api.postJson("/api/auth/login", credentials(username, PASSWORD)).status());
    }

    @Test
    void refreshWhenRacedInParallelThenExactlyOneWins() {
        String refreshToken = api.login(api.newUser("race"), PASSWORD).getString("refresh_token");
        java.util.List<Integer> statuses = Api.concurrently(8,
                i -> api.postJson("/api/auth/refresh", refreshBody(refreshToken)));
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
    }

    @Test
    void refreshWhenMadeUpTokensNamingARealLoginArriveTogetherThenAllRefusedAndTheLoginLivesOn() {
        String refreshToken = api.login(api.newUser("forged"), PASSWORD).getString("refresh_token");
        String sid = refreshToken.substring(0, refreshToken.indexOf('.'));
        // the sid is in every access token; the rest is made up, the same text eight times at once
        java.util.List<Integer> statuses = Api.concurrently(8,
                i -> api.postJson("/api/auth/refresh", refreshBody(sid + ".0.forged")));
        assertEquals(java.util.Collections.nCopies(8, 401), statuses);
        assertEquals(200, api.postJson("/api/auth/refresh", refreshBody(refreshToken)).status(),
                "knowing a login's sid is not enough to end it");
    }

    @Test
    void refreshWhenRefusedForAnyReasonThenSameBody() {
        JsonObject login = api.login(api.newUser("samebody"), PASSWORD);
        JsonObject unknown = assertProblem(api.postJson("/api/auth/refresh", refreshBody("made-up")), 401);
        assertEquals(200, api.postJson("/api/auth/refresh", refreshBody(login.getString("refresh_token"))).status());
        JsonObject reused = assertProblem(api.postJson("/api/auth/refresh",
                refreshBody(login.getString("refresh_token"))), 401);
        assertEquals(unknown, reused);
    }

    @Test
    void meWhenBasicCredentialsEvenRightOnesThenRefused() {
        String username = api.newUser("basicme");
        Api.Reply reply = api.send(api.request("/api/auth/me").header("Authorization", Api.basic(username, PASSWORD)).GET());
        assertInvalidToken(reply);
    }

    @Test
    void meWhenTrailingSlashThenStillProtected() {
        Api.Reply reply = api.get("/api/auth/me/", null);
        assertTrue(reply.status() == 401 || reply.status() == 404, reply.status() + " " + reply.body());
        if (reply.status() == 401) {
            assertBearerChallenge(reply);
        }
    }

    @Test
    void loginWhenPasswordWrongOrUserUnknownThenSameUnauthorized() {
        String username = api.newUser("wrong");
        JsonObject wrongPassword = assertProblem(api.postJson("/api/auth/login",
                credentials(username, PASSWORD + "x")), 401);
        JsonObject unknownUser = assertProblem(api.postJson("/api/auth/login",
                credentials(username + "-nobody", PASSWORD)), 401);
        assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void loginWhenFieldsMissingOrNotStringsThenBadRequest() {
        assertProblem(api.postJson("/api/auth/login", "{}"), 400);
        assertProblem(api.postJson("/api/auth/login", "{\"username\":{\"$ne\":null},\"password\":{\"$ne\":null}}"), 400);
        assertProblem(api.postJson("/api/auth/login", "{\"username\":\"a\",\"password\":true}"), 400);
        assertProblem(api.postJson("/api/auth/login", "nonsense"), 400);
    }

    @Test
    void meWhenBearerTokenThenPublicUser() {
        String username = api.newUser("me");
        Api.Reply reply = api.get("/api/auth/me", api.accessToken(username));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(username, reply.json().getString("username"));
        assertEquals(Set.of("username", "email", "email_verified", "is_active", "roles", "mfa_enabled"), reply.json().keySet());
    }

    @Test
    void meWhenSchemeInOtherCaseThenAccepted() {
        String token = api.accessToken(api.newUser("case"));
        Api.Reply reply = api.send(api.request("/api/auth/me").header("Authorization", "bEaReR " + token).GET());
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void meWhenNoTokenThenBearerChallenge() {
        assertBearerChallenge(api.get("/api/auth/me", null));
    }

    @Test
    void meWhenTokenMalformedThenInvalidTokenChallenge() {
        assertInvalidToken(api.get("/api/auth/me", "not-a-jwt"));
        assertInvalidToken(api.get("/api/auth/me", "a.b.c"));
        assertInvalidToken(api.send(api.request("/api/auth/me").header("Authorization", "Bearer ").GET()));
    }

    @Test
    void refreshWhenValidThenNewPairAndOldRefreshTokenSpent() {
        String username = api.newUser("refresh");
        JsonObject first = api.login(username, PASSWORD);
        Api.Reply refreshed = api.postJson("/api/auth/refresh", refreshBody(first.getString("refresh_token")));
        assertEquals(200, refreshed.status(), refreshed.body());
        JsonObject second = refreshed.json();
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        assertNotEquals(first.getString("access_token"), second.getString("access_token"));
        assertEquals(200, api.get("/api/auth/me", second.getString("access_token")).status());
    }

    @Test
    void refreshWhenTokenReusedThenWholeFamilyRevoked() {
        String username = api.newUser("reuse");
        JsonObject first = api.login(username, PASSWORD);
        JsonObject second = api.postJson("/api/auth/refresh", refreshBody(first.getString("refresh_token"))).json();

        assertInvalidToken(api.postJson("/api/auth/refresh", refreshBody(first.getString("refresh_token"))));

        assertInvalidToken(api.postJson("/api/auth/refresh", refreshBody(second.getString("refresh_token"))));
        assertInvalidToken(api.get("/api/auth/me", second.getString("access_token")));
        assertInvalidToken(api.get("/api/auth/me", first.getString("access_token")));
        // another login of the same user is not affected
        assertEquals(200, api.get("/api/auth/me", api.accessToken(username)).status());
    }

    @Test
    void refreshWhenTokenUnknownOrMissingThenRefused() {
        assertInvalidToken(api.postJson("/api/auth/refresh", refreshBody("made-up-refresh-token")));
        assertProblem(api.postJson("/api/auth/refresh", "{}"), 400);
        assertProblem(api.postJson("/api/auth/refresh", "{\"refresh_token\":{\"$gt\":\"\"}}"), 400);
    }

    @Test
    void refreshWhenGivenAnAccessTokenThenRefused() {
        String token = api.accessToken(api.newUser("swap"));
        assertInvalidToken(api.postJson("/api/auth/refresh", refreshBody(token)));
    }

    @Test
    void logoutWhenBearerTokenThenThatTokenRevoked() {
        String username = api.newUser("logout");
        String token = api.accessToken(username);
        String other = api.accessToken(username);
        Api.Reply reply = api.send(api.request("/api/auth/logout").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().containsKey("message"));
        assertInvalidToken(api.get("/api/auth/me", token));
        assertEquals(200, api.get("/api/auth/me", other).status());
    }

    @Test
    void logoutWhenRefreshTokenSentThenFamilyRevoked() {
        JsonObject login = api.login(api.newUser("logoutfam"), PASSWORD);
        Api.Reply reply = api.postJson("/api/auth/logout", refreshBody(login.getString("refresh_token")),
                login.getString("access_token"));
        assertEquals(200, reply.status(), reply.body());
        assertInvalidToken(api.postJson("/api/auth/refresh", refreshBody(login.getString("refresh_token"))));
        assertInvalidToken(api.get("/api/auth/me", login.getString("access_token")));
    }

    @Test
    void logoutWhenNoOrBadTokenThenStillOk() {
        assertEquals(200, api.send(api.request("/api/auth/logout").POST(HttpRequest.BodyPublishers.noBody())).status());
        assertEquals(200, api.send(api.request("/api/auth/logout").header("Authorization", "Bearer garbage")
                .POST(HttpRequest.BodyPublishers.noBody())).status());
        assertEquals(200, api.postJson("/api/auth/logout", refreshBody("unknown")).status());
        assertEquals(200, api.postJson("/api/auth/logout", "{\"refresh_token\":{\"$ne\":null}}").status());
        assertEquals(200, api.postJson("/api/auth/logout", "not json").status());
    }

    @Test
    void passwordChangeWhenCurrentRightThenEverySessionEndsAndNewPasswordWorks() {
        String username = api.newUser("pwchange");
        JsonObject login = api.login(username, PASSWORD);
        JsonObject other = api.login(username, PASSWORD);
        String newPassword = "an entirely new passphrase here";
        Api.Reply reply = api.postJson("/api/auth/password", passwordBody(PASSWORD, newPassword),
                login.getString("access_token"));
        assertEquals(204, reply.status(), reply.body());

        assertInvalidToken(api.get("/api/auth/me", login.getString("access_token")));
        assertInvalidToken(api.get("/api/auth/me", other.getString("access_token")));
        assertInvalidToken(api.postJson("/api/auth/refresh", refreshBody(other.getString("refresh_token"))));
        assertProblem(api.postJson("/api/auth/login", credentials(username, PASSWORD)), 401);
        assertEquals(200, api.get("/api/auth/me", api.login(username, newPassword).getString("access_token")).status());
    }

    @Test
    void passwordChangeWhenCurrentWrongOrNewWeakThenRefusedAndNothingChanged() {
        String username = api.newUser("pwbad");
        String token = api.accessToken(username);
        assertProblem(api.postJson("/api/auth/password", passwordBody("not the password at all", "another fine passphrase"),
                token), 401);
        assertProblem(api.postJson("/api/auth/password", passwordBody(PASSWORD, "short"), token), 400);
        assertProblem(api.postJson("/api/auth/password", passwordBody(PASSWORD, "1qaz2wsx3edc4rfv"), token), 400);
        assertProblem(api.postJson("/api/auth/password", "{\"current_password\":{\"$ne\":1}}", token), 400);
        assertEquals(200, api.get("/api/auth/me", token).status());
        assertEquals(200, api.postJson("/api/auth/login", credentials(username, PASSWORD)).status());
    }

    @Test
    void passwordChangeWhenNoTokenThenBearerChallenge() {
        assertBearerChallenge(api.postJson("/api/auth/password", passwordBody(PASSWORD, "whatever passphrase it is")));
    }

    private static String passwordBody(String current, String next) {
        return Json.createObjectBuilder().add("current_password", current).add("new_password", next).build().toString();
    }

    private static String refreshBody(String token) {
        return Json.createObjectBuilder().add("refresh_token", token).build().toString();
    }

    @Test
    void loginWhenAnotherSourceFailsFiveTimesThenOnlyThatSourceIsLockedAndAnAdminCanUnlockIt() {
        String username = api.newUser("twosrc");
        Api attacker = api.from("203.0.113.77");
        for (int i = 0; i < 5; i++) {
            assertProblem(attacker.postJson("/api/auth/login", credentials(username, "guess number " + i)), 401);
        }
        assertProblem(attacker.postJson("/api/auth/login", credentials(username, PASSWORD)), 429,
                "the guessing source is locked out, even with the right password");
        assertEquals(200, api.postJson("/api/auth/login", credentials(username, PASSWORD)).status(),
                "the owner's source is not locked by someone else's failures");
        Api.Reply unlock = api.send(api.request("/api/admin/users/" + username + "/unlock")
                .header("Authorization", "Bearer " + api.adminToken()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, unlock.status(), unlock.body());
        assertEquals(200, attacker.postJson("/api/auth/login", credentials(username, PASSWORD)).status());
    }

    @Test
    void unauthenticatedEndpointsWhenOneSourceCallsTooOftenThen429WithRetryAfterForThatSourceOnly() {
        Api flood = api.from("203.0.113.88");
        Api.Reply last = null;
        int calls = 0;
        while (calls < 400) {
            last = flood.postJson("/api/auth/refresh", "{\"refresh_token\":\"not-a-token\"}");
            calls++;
            if (last.status() == 429) {
                break;
            }
            assertEquals(401, last.status(), last.body());
        }
        assertProblem(last, 429, "after " + calls + " calls");
        assertTrue(calls > 250, "the limit is 300 a minute by default: " + calls);
        assertTrue(Long.parseLong(last.header("Retry-After")) >= 1, last.header("Retry-After"));
        // The bucket refills at 5 a second, so a slow server may let one call through between the
        // last refresh and the login: drain it again and retry (fewer tries than the lockout's five).
        Api.Reply login = flood.postJson("/api/auth/login", credentials("someone", PASSWORD));
        for (int round = 0; round < 3 && login.status() != 429; round++) {
            assertEquals(401, login.status(), login.body());
            while (flood.postJson("/api/auth/refresh", "{\"refresh_token\":\"not-a-token\"}").status() != 429) {
                // drain what refilled
            }
            login = flood.postJson("/api/auth/login", credentials("someone", PASSWORD));
        }
        assertProblem(login, 429, "login counts too");
        assertTrue(login.body().contains("rate-limited"), login.body());
        assertEquals(401, api.postJson("/api/auth/refresh", "{\"refresh_token\":\"not-a-token\"}").status(),
                "another source is not affected");
    }

    @Test
    void refreshWhenRepeatedThenTheStoreKeepsOneEntryForTheLogin() {
        String username = api.newUser("bounded");
        JsonObject pair = api.login(username, PASSWORD);
        for (int i = 0; i < 12; i++) {
            Api.Reply refreshed = api.postJson("/api/auth/refresh",
                    Json.createObjectBuilder().add("refresh_token", pair.getString("refresh_token")).build().toString());
            assertEquals(200, refreshed.status(), refreshed.body());
            pair = refreshed.json();
        }
        String login = pair.getString("refresh_token").substring(0, pair.getString("refresh_token").indexOf('.'));
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(System.getProperty("jwtlib.it.store.url"))) {
            var logins = client.getDatabase("jwtlib").getCollection("refresh_tokens");
            assertEquals(1, logins.countDocuments(com.mongodb.client.model.Filters.eq("_id", login)));
            org.bson.Document entry = logins.find(com.mongodb.client.model.Filters.eq("_id", login)).first();
            assertEquals(1, entry.get("live", org.bson.Document.class).size(), entry.toJson());
            assertEquals(8, entry.get("spent", org.bson.Document.class).size(), "the last 8 of 12 spent: " + entry.toJson());
            assertTrue(!entry.toJson().contains(pair.getString("refresh_token")), "tokens are kept as digests only");
        }
    }
}
