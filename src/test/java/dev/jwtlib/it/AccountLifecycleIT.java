package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.assertProblem;
import static dev.jwtlib.it.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verified email and password reset against the real server, which sends its mails to a real
 * SMTP server (GreenMail, {@link TestSmtp}); the tests read the codes from the mails received.
 * The test servers run with {@code jwtlib.password.reset-ttl=PT5S} and link templates.
 */
class AccountLifecycleIT extends DeployedService {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(15);
    private static final String NEW_PASSWORD = "the new passphrase after a reset";

    private static String body(String key, String value) {
        return Json.createObjectBuilder().add(key, value).build().toString();
    }

    private static String reset(String code, String newPassword) {
        return Json.createObjectBuilder().add("code", code).add("new_password", newPassword).build().toString();
    }

    private static String email(String username) {
        return username + "@example.com";
    }

    // --- verification ---------------------------------------------------------------------------

    @Test
    void registerThenAVerificationMailWhoseCodeVerifiesTheAddressOnce() {
        String username = api.newUser("verify");
        TestSmtp.Received mail = TestSmtp.await(email(username), "Verify your email address", MAIL_WAIT);
        assertTrue(mail.text().contains("https://app.example.test/verify?code=" + mail.code()), "the application's link");
        String token = api.accessToken(username);
        assertFalse(api.get("/api/auth/me", token).json().getBoolean("email_verified"));
        assertEquals(204, api.postJson("/api/auth/email/verify", body("code", mail.code().toLowerCase())).status());
        assertTrue(api.get("/api/auth/me", token).json().getBoolean("email_verified"));
        JsonObject reused = assertProblem(api.postJson("/api/auth/email/verify", body("code", mail.code())), 400);
        assertFalse(reused.toString().contains(mail.code()), "the code is never in an answer");
    }

    @Test
    void resendThenANewCodeAndTheOldOneStopsWorking() {
        String username = api.newUser("resend");
        TestSmtp.Received first = TestSmtp.await(email(username), "Verify", MAIL_WAIT);
        assertProblem(api.postJson("/api/auth/email/verify/resend", ""), 401);
        Api.Reply resent = api.send(api.request("/api/auth/email/verify/resend")
                .header("Authorization", "Bearer " + api.accessToken(username)).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, resent.status(), resent.body());
        awaitMails(email(username), 2);
        List<TestSmtp.Received> mails = TestSmtp.all(email(username));
        String second = mails.get(mails.size() - 1).code();
        assertProblem(api.postJson("/api/auth/email/verify", body("code", first.code())), 400, "superseded");
        assertEquals(204, api.postJson("/api/auth/email/verify", body("code", second)).status());
    }

    @Test
    void verifyWhenForgedOrHostileThen400AndNothingVerified() {
        for (String code : List.of("AAAAAAAAAAAAAAAAAAAAAAAAAA", "", "x".repeat(200))) {
            assertProblem(api.postJson("/api/auth/email/verify", body("code", code)), 400, code);
        }
        assertProblem(api.postJson("/api/auth/email/verify", "{\"code\":{\"$ne\":null}}"), 400);
        assertProblem(api.postJson("/api/auth/email/verify", "{\"code\":42}"), 400);
        assertProblem(api.postJson("/api/auth/email/verify", "{}"), 400);
        assertProblem(api.postJson("/api/auth/email/verify", "{\"code\":\"" + "A".repeat(70_000) + "\"}"), 413);
    }

    @Test
    void registerWhenTheAddressHasANonAsciiLocalPartThenTheMailReachesIt() {
        String username = Api.uniqueName("jurgen");
        String address = "jürgen-" + username.substring(username.length() - 6) + "@example.com";
        assertEquals(201, api.postJson("/api/auth/register", Api.registration(username, address, PASSWORD)).status());
        TestSmtp.Received mail = TestSmtp.await(address, "Verify", MAIL_WAIT);
        assertEquals(204, api.postJson("/api/auth/email/verify", body("code", mail.code())).status());
    }

    // --- reset ----------------------------------------------------------------------------------

    @Test
    void forgotThenResetWithTheMailedCodeEndsEverySessionAndClearsTheLock() {
        String username = api.newUser("forgot");
        JsonObject before = api.login(username, PASSWORD);
        Api attacker = api.from("203.0.113.91");
        for (int i = 0; i < 5; i++) {
            attacker.postJson("/api/auth/login", credentials(username, "wrong " + i));
        }
        assertProblem(attacker.postJson("/api/auth/login", credentials(username, PASSWORD)), 429);
        Api.Reply forgot = api.postJson("/api/auth/password/forgot", body("username", username));
        assertEquals(202, forgot.status(), forgot.body());
        TestSmtp.Received mail = TestSmtp.await(email(username), "Reset your password", MAIL_WAIT);
        assertTrue(mail.text().contains("https://app.example.test/reset?code=" + mail.code()));
        JsonObject weak = assertProblem(api.postJson("/api/auth/password/reset", reset(mail.code(), "short")), 400);
        assertEquals("new_password", weak.getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply done = api.postJson("/api/auth/password/reset", reset(mail.code(), NEW_PASSWORD));
        assertEquals(204, done.status(), "the code still worked after a refused password: " + done.body());
        assertProblem(api.postJson("/api/auth/refresh", "{\"refresh_token\":\"" + before.getString("refresh_token") + "\"}"),
                401, "every session ended");
        assertProblem(api.get("/api/auth/me", before.getString("access_token")), 401);
        assertProblem(api.postJson("/api/auth/login", credentials(username, PASSWORD)), 401, "the old password");
        Api.Reply again = attacker.postJson("/api/auth/login", credentials(username, NEW_PASSWORD));
        assertEquals(200, again.status(), "the lock is gone: " + again.body());
        assertTrue(again.json().getJsonObject("user").getBoolean("email_verified"), "the code reached the address");
        assertProblem(api.postJson("/api/auth/password/reset", reset(mail.code(), NEW_PASSWORD + " again")), 400, "once");
    }

    @Test
    void forgotWhenTheAccountDoesNotExistThenTheSameAnswerAndNoMail() {
        String username = api.newUser("exists");
        Api.Reply known = api.postJson("/api/auth/password/forgot", body("email", email(username)));
        Api.Reply unknown = api.postJson("/api/auth/password/forgot", body("email", "nobody-" + email(username)));
        assertEquals(202, unknown.status());
        assertEquals(known.body(), unknown.body());
        assertEquals(known.header("Content-Type"), unknown.header("Content-Type"));
        TestSmtp.await(email(username), "Reset", MAIL_WAIT);
        assertFalse(TestSmtp.anyWithin("nobody-" + email(username), Duration.ofSeconds(2)));
    }

    @Test
    void forgotWhenKnownOrUnknownThenAboutTheSameTime() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            known.add(api.newUser("timing"));
        }
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String username : known) {
                long start = System.nanoTime();
                assertEquals(202, api.postJson("/api/auth/password/forgot", body("username", username)).status());
                knownNanos.add(System.nanoTime() - start);
                start = System.nanoTime();
                assertEquals(202, api.postJson("/api/auth/password/forgot", body("username", "nobody-" + username)).status());
                unknownNanos.add(System.nanoTime() - start);
            }
        }
        long knownMedian = median(knownNanos);
        long unknownMedian = median(unknownNanos);
        // the look-up and the mail happen after the answer: both answers cost the same work
        assertTrue(Math.abs(knownMedian - unknownMedian) < Duration.ofMillis(20).toNanos(),
                "median known " + knownMedian / 1000 + " µs, unknown " + unknownMedian / 1000 + " µs");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void resetWhenSupersededExpiredOrForgedThen400() throws InterruptedException {
        String username = api.newUser("superseded");
        api.postJson("/api/auth/password/forgot", body("username", username));
        String first = TestSmtp.await(email(username), "Reset", MAIL_WAIT).code();
        api.postJson("/api/auth/password/forgot", body("username", username));
        awaitMails(email(username), 3); // the verification mail and two reset mails
        List<TestSmtp.Received> mails = TestSmtp.all(email(username));
        String second = mails.get(mails.size() - 1).code();
        assertProblem(api.postJson("/api/auth/password/reset", reset(first, NEW_PASSWORD)), 400, "only the newest works");
        assertProblem(api.postJson("/api/auth/password/reset", reset("AAAAAAAAAAAAAAAAAAAAAAAAAA", NEW_PASSWORD)), 400);
        assertProblem(api.postJson("/api/auth/password/reset", "{\"code\":{\"$ne\":null},\"new_password\":\"x\"}"), 400);
        Thread.sleep(6_000); // the test servers' reset codes work 5 s
        assertProblem(api.postJson("/api/auth/password/reset", reset(second, NEW_PASSWORD)), 400, "expired");
        assertEquals(200, api.postJson("/api/auth/login", credentials(username, PASSWORD)).status(), "nothing changed");
    }

    @Test
    void forgotWhenAskedTooOftenForOneAccountThen429AndWhenMalformedThen400() {
        String username = api.newUser("often");
        for (int i = 0; i < 5; i++) {
            assertEquals(202, api.postJson("/api/auth/password/forgot", body("username", username)).status());
        }
        assertProblem(api.postJson("/api/auth/password/forgot", body("username", username)), 429);
        assertProblem(api.postJson("/api/auth/password/forgot", "{}"), 400);
        assertProblem(api.postJson("/api/auth/password/forgot", "{\"username\":\"a\",\"email\":\"a@example.com\"}"), 400);
        assertProblem(api.postJson("/api/auth/password/forgot", "{\"email\":{\"$ne\":null}}"), 400);
    }

    @Test
    void adminSendsAResetMailAndOnlyAnAdminMay() {
        String username = api.newUser("adminreset");
        assertProblem(api.postJson("/api/admin/users/" + username + "/password-reset", "", api.accessToken(username)), 403);
        Api.Reply sent = api.postJson("/api/admin/users/" + username + "/password-reset", "", api.adminToken());
        assertEquals(202, sent.status(), sent.body());
        assertTrue(sent.json().getString("message").contains("sent"), sent.body());
        String code = TestSmtp.await(email(username), "Reset", MAIL_WAIT).code();
        assertEquals(204, api.postJson("/api/auth/password/reset", reset(code, NEW_PASSWORD)).status());
        assertProblem(api.postJson("/api/admin/users/nobody-at-all/password-reset", "", api.adminToken()), 404);
    }

    @Test
    void forgotWhenTheSmtpServerIsDownThenTheAnswerStaysFastAndTheMailArrivesOnceItIsBack() {
        String username = api.newUser("smtpdown");
        TestSmtp.await(email(username), "Verify", MAIL_WAIT);
        TestSmtp.stop();
        try {
            long start = System.nanoTime();
            assertEquals(202, api.postJson("/api/auth/password/forgot", body("username", username)).status());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(), "no request waits for SMTP");
        } finally {
            TestSmtp.start();
        }
        // retried 2 s and 12 s after the first attempt
        TestSmtp.await(email(username), "Reset", Duration.ofSeconds(30));
    }

    private static void awaitMails(String address, int count) {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        while (TestSmtp.all(address).size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(count, TestSmtp.all(address).size(), "mails to " + address);
    }
}
