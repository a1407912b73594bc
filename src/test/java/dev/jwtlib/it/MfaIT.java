package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.assertProblem;
import static dev.jwtlib.it.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The second factor over HTTP, with codes computed like an authenticator app
 * ({@link Authenticator}): enrolment, the two-step login, replay and drift, recovery codes, the
 * lockout, turning it off, an administrator's reset, {@code amr} in tokens and introspection, and
 * {@code jwtlib.mfa.required-roles} (the test servers require it for the role {@code service}).
 */
class MfaIT extends DeployedService {

    private static JsonObject claims(String token) {
        String payload = token.split("\\.")[1];
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)))
                .readObject();
    }

    private static List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(JsonString::getString);
    }

    private Api.Reply deleteJson(String path, String json, String bearer) {
        return api.send(api.request(path).header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void enrolWhenConfirmedThenLoginHasASecondStepAndTokensSayPwdOtp() {
        String username = api.newUser("mfa");
        String token = api.accessToken(username);
        assertProblem(api.postJson("/api/auth/mfa/totp", Authenticator.password()), 401);
        assertProblem(api.postJson("/api/auth/mfa/totp", "{\"password\":\"wrong " + PASSWORD + "\"}", token), 401);
        assertProblem(api.postJson("/api/auth/mfa/totp", "{}", token), 400);
        Api.Reply started = api.postJson("/api/auth/mfa/totp", Authenticator.password(), token);
        assertEquals(200, started.status(), started.body());
        assertTrue(started.header("Cache-Control").contains("no-store"));
        JsonObject enrolment = started.json();
        assertTrue(enrolment.getString("secret").matches("[A-Z2-7]{32}"), enrolment.getString("secret"));
        assertTrue(enrolment.getString("otpauth_uri").startsWith("otpauth://totp/jwtlib:" + username + "?secret="
                + enrolment.getString("secret") + "&issuer=jwtlib&algorithm=SHA1&digits=6&period=30"), enrolment.getString("otpauth_uri"));
        String svg = new String(Base64.getDecoder().decode(enrolment.getString("qr_code").substring("data:image/svg+xml;base64,".length())),
                StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg") && svg.contains("<path"), svg);
        assertFalse(api.get("/api/auth/me", token).json().getBoolean("mfa_enabled"), "not on before the confirmation");

        Authenticator app = new Authenticator(enrolment.getString("secret"));
        assertProblem(api.postJson("/api/auth/mfa/totp/confirm", Authenticator.code(app.code(-3)), token), 400);
        Api.Reply confirmed = api.postJson("/api/auth/mfa/totp/confirm", Authenticator.code(app.code(0)), token);
        assertEquals(200, confirmed.status(), confirmed.body());
        List<String> recovery = strings(confirmed.json(), "recovery_codes");
        assertEquals(10, new HashSet<>(recovery).size());
        assertTrue(api.get("/api/auth/me", token).json().getBoolean("mfa_enabled"));
        assertProblem(api.postJson("/api/auth/mfa/totp", Authenticator.password(), token), 409, "one factor at a time");

        Api.Reply first = api.postJson("/api/auth/login", credentials(username, PASSWORD));
        assertEquals(200, first.status(), first.body());
        assertTrue(first.json().getBoolean("mfa_required"));
        assertEquals(300, first.json().getInt("expires_in"));
        assertFalse(first.json().containsKey("access_token"), first.body());
        assertFalse(first.json().containsKey("refresh_token"), first.body());
        String mfaToken = first.json().getString("mfa_token");
        Api.Reply second = api.postJson("/api/auth/login/mfa", Authenticator.secondStep(mfaToken, app.code(1)));
        assertEquals(200, second.status(), second.body());
        JsonObject pair = second.json();
        assertEquals(List.of("pwd", "otp"), strings(claims(pair.getString("access_token")), "amr"));
        assertTrue(pair.getJsonObject("user").getBoolean("mfa_enabled"));
        assertProblem(api.postJson("/api/auth/login/mfa", Authenticator.secondStep(mfaToken, app.code(0))), 401,
                "the mfa_token works once");

        Api.Client client = api.newClient("mfa-introspector");
        JsonObject answer = api.introspect(pair.getString("access_token"), client).json();
        assertEquals(List.of("pwd", "otp"), strings(answer, "amr"), answer.toString());

        Api.Reply refreshed = api.postJson("/api/auth/refresh",
                Json.createObjectBuilder().add("refresh_token", pair.getString("refresh_token")).build().toString());
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals(List.of("pwd", "otp"), strings(claims(refreshed.json().getString("access_token")), "amr"),
                "a refresh keeps how the user logged in");

        String plain = api.accessToken(api.newUser("nomfa"));
        assertEquals(List.of("pwd"), strings(claims(plain), "amr"));
        assertEquals(List.of("pwd"), strings(api.introspect(plain, client).json(), "amr"));
    }

    @Test
    void secondStepWhenACodeIsReplayedOrTooOldThenRefusedAndOneStepOfDriftIsAccepted() {
        String username = api.newUser("mfadrift");
        Authenticator app = Authenticator.enrol(api, api.accessToken(username)).app();
        assertProblem(Authenticator.login(api, username, app.code(0)), 401, "the confirming code was spent");
        assertProblem(Authenticator.login(api, username, app.code(-2)), 401, "a minute old");
        String ahead = app.code(1);
        assertEquals(200, Authenticator.login(api, username, ahead).status(), "a phone clock 30 s ahead");
        assertProblem(Authenticator.login(api, username, ahead), 401, "a code works once");
    }

    @Test
    void recoveryCodeWhenUsedThenOnceAndRenewedCodesReplaceTheOld() {
        String username = api.newUser("mfarecovery");
        String token = api.accessToken(username);
        Authenticator.Enrolled enrolled = Authenticator.enrol(api, token);
        String recovery = enrolled.recoveryCodes().get(0);
        Api.Reply withRecovery = Authenticator.login(api, username, recovery.toLowerCase());
        assertEquals(200, withRecovery.status(), withRecovery.body());
        assertEquals(List.of("pwd", "otp"), strings(claims(withRecovery.json().getString("access_token")), "amr"));
        assertProblem(Authenticator.login(api, username, recovery), 401, "a recovery code works once");

        assertProblem(api.postJson("/api/auth/mfa/recovery-codes", Authenticator.passwordAndCode(PASSWORD, "000000"), token), 401);
        Api.Reply renewed = api.postJson("/api/auth/mfa/recovery-codes",
                Authenticator.passwordAndCode(PASSWORD, enrolled.app().code(1)), token);
        assertEquals(200, renewed.status(), renewed.body());
        List<String> fresh = strings(renewed.json(), "recovery_codes");
        assertEquals(10, fresh.size());
        assertProblem(Authenticator.login(api, username, enrolled.recoveryCodes().get(1)), 401, "the old codes died");
        assertEquals(200, Authenticator.login(api, username, fresh.get(9)).status());
    }

    @Test
    void secondStepWhenFiveWrongCodesThenThatSourceIsLockedEvenForTheRightCode() {
        String username = api.newUser("mfalock");
        Authenticator app = Authenticator.enrol(api, api.accessToken(username)).app();
        Api guesser = api.from("203.0.113.91");
        for (int i = 0; i < 5; i++) {
            Api.Reply first = guesser.postJson("/api/auth/login", credentials(username, PASSWORD));
            assertEquals(200, first.status(), "a right password does not reset the count of wrong codes: " + first.body());
            String wrong = String.format("%06d", (Integer.parseInt(app.code(1)) + 1 + i) % 1_000_000);
            assertProblem(guesser.postJson("/api/auth/login/mfa", Authenticator.secondStep(first.json().getString("mfa_token"),
                    wrong)), 401);
        }
        assertProblem(guesser.postJson("/api/auth/login", credentials(username, PASSWORD)), 429, "locked out");
        assertEquals(200, Authenticator.login(api, username, app.code(1)).status(), "the owner's source is not");
    }

    @Test
    void secondStepWhenHostileInputThenClear4xxAndNothingChanges() {
        String username = api.newUser("mfahostile");
        Authenticator app = Authenticator.enrol(api, api.accessToken(username)).app();
        String mfaToken = api.postJson("/api/auth/login", credentials(username, PASSWORD)).json().getString("mfa_token");
        assertProblem(api.postJson("/api/auth/login/mfa", "{}"), 400);
        assertProblem(api.postJson("/api/auth/login/mfa", "{\"mfa_token\":\"" + mfaToken + "\"}"), 400);
        assertProblem(api.postJson("/api/auth/login/mfa", "{\"mfa_token\":\"" + mfaToken + "\",\"code\":123456}"), 400);
        assertProblem(api.postJson("/api/auth/login/mfa", "{\"mfa_token\":{\"$gt\":\"\"},\"code\":\"123456\"}"), 400);
        assertProblem(api.postJson("/api/auth/login/mfa", "{\"mfa_token\":\"" + mfaToken + "\",\"code\":{\"$ne\":\"x\"}}"), 400);
        assertProblem(api.postJson("/api/auth/login/mfa", "[1,2]"), 400);
        assertProblem(api.postJson("/api/auth/login/mfa", "{\"mfa_token\":\"x\",\"code\":\"" + "1".repeat(200_000) + "\"}"),
                413);
        assertProblem(api.send(api.request("/api/auth/login/mfa").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("code=1"))), 415);
        assertProblem(api.postJson("/api/auth/login/mfa", Authenticator.secondStep("made-up-token", app.code(1))), 401);
        assertProblem(api.postJson("/api/auth/login/mfa", Authenticator.secondStep(mfaToken, "12345")), 401);
        assertEquals(200, api.postJson("/api/auth/login/mfa", Authenticator.secondStep(mfaToken, app.code(1))).status(),
                "the waiting login still completes");
    }

    @Test
    void disableWhenPasswordAndCodeThenOffAndLoginIsOneStepAgain() {
        String username = api.newUser("mfaoff");
        String token = api.accessToken(username);
        Authenticator app = Authenticator.enrol(api, token).app();
        assertProblem(deleteJson("/api/auth/mfa/totp", Authenticator.passwordAndCode("wrong " + PASSWORD, app.code(1)), token), 401);
        assertProblem(deleteJson("/api/auth/mfa/totp", Authenticator.passwordAndCode(PASSWORD, app.code(-3)), token), 401);
        assertProblem(deleteJson("/api/auth/mfa/totp", "{\"password\":\"" + PASSWORD + "\"}", token), 400);
        assertTrue(api.get("/api/auth/me", token).json().getBoolean("mfa_enabled"), "still on");
        assertEquals(204, deleteJson("/api/auth/mfa/totp", Authenticator.passwordAndCode(PASSWORD, app.code(1)), token).status());
        JsonObject pair = api.login(username, PASSWORD);
        assertEquals(List.of("pwd"), strings(claims(pair.getString("access_token")), "amr"));
        assertFalse(pair.getJsonObject("user").getBoolean("mfa_enabled"));
        assertProblem(deleteJson("/api/auth/mfa/totp", Authenticator.passwordAndCode(PASSWORD, app.code(1)), token), 409);
    }

    @Test
    void adminResetWhenALostDeviceThenOffAndTheUsersSessionsEnd() {
        String username = api.newUser("mfalost");
        Authenticator app = Authenticator.enrol(api, api.accessToken(username)).app();
        JsonObject pair = Authenticator.login(api, username, app.code(1)).json();
        assertProblem(api.delete("/api/admin/users/" + username + "/mfa", pair.getString("access_token")), 403);
        assertEquals(204, api.delete("/api/admin/users/" + username + "/mfa", api.adminToken()).status());
        assertProblem(api.get("/api/auth/me", pair.getString("access_token")), 401);
        JsonObject again = api.login(username, PASSWORD);
        assertFalse(again.getJsonObject("user").getBoolean("mfa_enabled"));
        JsonObject listed = api.get("/api/admin/users/" + username, api.adminToken()).json();
        assertFalse(listed.getBoolean("mfa_enabled"), listed.toString());
        assertProblem(api.delete("/api/admin/users/nobody-at-all/mfa", api.adminToken()), 404);
    }

    @Test
    void requiredRoleWhenNotEnrolledThenTheTokenOnlyReachesTheEnrolmentUntilALoginWithACode() {
        String username = api.newUserWithRoles("mfasvc", "user", "service");
        JsonObject restricted = api.login(username, PASSWORD);
        String token = restricted.getString("access_token");
        assertEquals(List.of("mfa-enrolment"), strings(claims(token), "groups"));
        assertProblem(api.get("/api/auth/me", token), 403, "nothing but the enrolment");
        assertProblem(api.postJson("/api/auth/password", Json.createObjectBuilder().add("current_password", PASSWORD)
                .add("new_password", "another long passphrase here").build().toString(), token), 403);
        Authenticator app = Authenticator.enrol(api, token).app();
        Api.Reply refreshed = api.postJson("/api/auth/refresh", Json.createObjectBuilder()
                .add("refresh_token", restricted.getString("refresh_token")).build().toString());
        assertEquals(List.of("mfa-enrolment"), strings(claims(refreshed.json().getString("access_token")), "groups"),
                "a login without the code stays restricted");
        JsonObject full = Authenticator.login(api, username, app.code(1)).json();
        assertEquals(List.of("service", "user"), strings(claims(full.getString("access_token")), "groups"));
        assertEquals(200, api.get("/api/auth/me", full.getString("access_token")).status());
    }
}
