package dev.jwtlib.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.jwtlib.it.Api.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages in a real browser, end to end against the real server: every flow of the account
 * page and the admin console, mails read from the test SMTP server, TOTP codes computed like an
 * authenticator app; the security headers, where tokens are (not) kept, and an axe-core audit of
 * every view, on a phone-sized screen too.
 */
class BrowserIT extends DeployedService {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(20);
    private static final String NEW_PASSWORD = "a brand new passphrase for this browser";
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private Page open(BrowserContext context, String path) {
        Page page = context.newPage();
        page.navigate(api.base() + path);
        return page;
    }

    /** The view (section) the page shows now: labels repeat across the page's hidden views. */
    private static Locator view(Page page) {
        return page.locator("[data-view]:visible");
    }

    private static void signIn(Page page, String username, String password) {
        view(page).getByLabel("Username").fill(username);
        view(page).getByLabel("Password", new Locator.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
    }

    private static void assertNoTokenKept(Page page) {
        assertEquals(0, ((Number) page.evaluate("() => localStorage.length + sessionStorage.length")).intValue(),
                "no token in web storage");
        assertEquals("", page.evaluate("() => document.cookie"), "no token in a cookie");
        assertFalse(page.url().contains("token") || page.url().contains("code="), page.url());
    }

    private static String email(String username) {
        return username + "@example.com";
    }

    @Test
    void accountWhenRegisteredThenVerifyChangePasswordAndSignInAgain() {
        try (BrowserContext context = browser.context(false)) {
            Page page = open(context, "/account/");
            Response response = page.waitForResponse(r -> r.url().endsWith("/account/"), () -> page.reload());
            String csp = response.headerValue("content-security-policy");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
                    && !csp.contains("unsafe-inline"), csp);
            Browser.assertAccessible(page, "sign in");
            Browser.screenshot(page, "account-sign-in");

            String username = Api.uniqueName("ui");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create an account")).click();
            view(page).getByLabel("Username").fill(username);
            view(page).getByLabel("Email").fill(email(username));
            view(page).getByLabel("Password", new Locator.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            assertEquals("new-password", view(page).getByLabel("Password", new Locator.GetByLabelOptions().setExact(true))
                    .getAttribute("autocomplete"));
            Browser.assertAccessible(page, "register");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your account is ready");

            signIn(page, username, "wrong " + PASSWORD);
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("The username or password is incorrect.");
            signIn(page, username, PASSWORD);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your profile"))).isVisible();
            assertThat(page.locator("#profile")).containsText("Email verified");
            assertThat(page.getByText("Your email address is not verified yet.")).isVisible();
            assertNoTokenKept(page);
            Browser.assertAccessible(page, "profile");

            String code = TestSmtp.await(email(username), "Verify", MAIL_WAIT).code();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enter the code")).click();
            view(page).getByLabel("Code from the mail").fill(code);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your email address is verified.");
            assertThat(page.getByText("Your email address is not verified yet.")).isHidden();

            view(page).getByLabel("Current password").fill(PASSWORD);
            view(page).getByLabel("New password").fill(NEW_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("every session ended");
            signIn(page, username, NEW_PASSWORD);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your profile"))).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("You are signed out.");
        }
    }

    @Test
    void accountWhenPasswordForgottenThenTheMailedCodeSetsANewOneAlsoFromTheMailLink() {
        String username = api.newUser("uiforgot");
        try (BrowserContext context = browser.context(true)) {
            Page page = open(context, "/account/");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
            view(page).getByLabel("Your email address").fill(email(username));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the code")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("If an account matches");
            Browser.assertAccessible(page, "reset (phone)");
            Browser.screenshot(page, "account-reset-phone");
            String code = TestSmtp.await(email(username), "Reset", MAIL_WAIT).code();
            view(page).getByLabel("Code from the mail").fill(code.toLowerCase());
            view(page).getByLabel("New password").fill(NEW_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set the password")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your password is set.");
            signIn(page, username, NEW_PASSWORD);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your profile"))).isVisible();
        }
        // a link in the form /account/#reset=CODE: the code fills the form and leaves the address bar
        api.postJson("/api/auth/password/forgot", "{\"username\":\"" + username + "\"}");
        String code = awaitNewCode(email(username), "Reset");
        try (BrowserContext context = browser.context(false)) {
            Page page = open(context, "/account/#reset=" + code);
            assertThat(view(page).getByLabel("Code from the mail")).hasValue(code);
            assertFalse(page.url().contains(code), page.url());
            view(page).getByLabel("New password").fill(PASSWORD + " again");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set the password")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your password is set.");
        }
    }

    /** The code of the newest mail with that subject that was not there before this call's mail came. */
    private static String awaitNewCode(String address, String subject) {
        long before = TestSmtp.all(address).stream().filter(m -> m.subject().contains(subject)).count();
        for (int i = 0; i < 200; i++) {
            List<TestSmtp.Received> mails = TestSmtp.all(address).stream().filter(m -> m.subject().contains(subject)).toList();
            if (mails.size() > before || before == 0 && !mails.isEmpty()) {
                return mails.get(mails.size() - 1).code();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return TestSmtp.await(address, subject, MAIL_WAIT).code();
    }

    @Test
    void accountWhenAnAuthenticatorIsAddedThenSignInTakesACodeAndItCanBeTurnedOff() throws Exception {
        String username = api.newUser("uitotp");
        try (BrowserContext context = browser.context(false)) {
            Page page = open(context, "/account/");
            signIn(page, username, PASSWORD);
            view(page).getByLabel("Your password").first().fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up an authenticator app")).click();
            assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code for your authenticator app")))
                    .isVisible();
            assertTrue(((Number) page.evaluate("() => document.getElementById('enrol-qr').naturalWidth")).intValue() > 0,
                    "the QR code's data: image loads under the page's CSP");
            Authenticator app = new Authenticator(page.locator("#enrol-secret").textContent().replace(" ", ""));
            Browser.assertAccessible(page, "enrolment");
            Browser.screenshot(page, "account-enrol-totp");
            view(page).getByLabel("The 6 digits the app shows now").fill(app.code(0));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on")).click();
            assertThat(page.locator("#recovery-codes li")).hasCount(10);
            List<String> recovery = page.locator("#recovery-codes li").allTextContents();
            Download download = page.waitForDownload(() ->
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download")).click());
            assertEquals(String.join("\n", recovery) + "\n", Files.readString(download.path()));
            Browser.screenshot(page, "account-recovery-codes");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have saved them")).click();
            assertThat(page.locator("#mfa-on")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

            signIn(page, username, PASSWORD);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Second step"))).isVisible();
            Browser.assertAccessible(page, "second step");
            view(page).getByLabel("Code from your authenticator app, or a recovery code").fill("000000".equals(app.code(1)) ? "111111" : "000000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("The code is wrong or was used already.");
            view(page).getByLabel("Code from your authenticator app, or a recovery code").fill(app.code(1));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your profile"))).isVisible();

            page.locator("#disable-password").fill(PASSWORD);
            page.locator("#disable-code").fill(recovery.get(0));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn off two-step sign-in")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Two-step sign-in is off.");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up an authenticator app")))
                    .isVisible();
            assertNoTokenKept(page);
        }
    }

    @Test
    void accountWhenLockedOutOrTheServiceSaysNoThenTheProblemIsShown() {
        String username = api.newUser("uilock");
        try (BrowserContext context = browser.context(true)) {
            Page page = open(context, "/account/");
            for (int i = 0; i < 5; i++) {
                signIn(page, username, "wrong " + i + " " + PASSWORD);
                assertThat(page.getByRole(AriaRole.ALERT)).containsText("incorrect");
            }
            signIn(page, username, PASSWORD);
            assertThat(page.getByRole(AriaRole.ALERT)).containsText(Pattern.compile("Too many|locked|try again", Pattern.CASE_INSENSITIVE));
            assertThat(page.getByRole(AriaRole.ALERT)).containsText(Pattern.compile("Try again in \\d+ s"));
            Browser.screenshot(page, "account-locked-phone");
        }
    }

    @Test
    void adminWhenSignedInThenUsersClientsAndKeysAreManaged() {
        String username = api.newUser("uiadmin-target");
        try (BrowserContext context = browser.context(false)) {
            Page page = open(context, "/admin/");
            Browser.assertAccessible(page, "admin sign in");
            signIn(page, api.newUser("uinotadmin"), PASSWORD);
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("not an administrator");
            signIn(page, System.getProperty("jwtlib.it.admin.username"), System.getProperty("jwtlib.it.admin.password"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Users"))).isVisible();

            view(page).getByLabel("Username starts with").fill(username);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(page.locator("#users tr")).hasCount(1);
            assertThat(page.locator("#page-info")).hasText("Users 1–1 of 1");
            Browser.assertAccessible(page, "users");
            Browser.screenshot(page, "admin-users");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate: " + username)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText(username + " is deactivated.");
            assertEquals(401, api.postJson("/api/auth/login", Api.credentials(username, PASSWORD)).status());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate: " + username)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText(username + " is active.");

            page.locator("#role-" + username + "-service").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save roles of " + username)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("roles of " + username + " are saved");
            assertEquals(List.of("service", "user"), api.get("/api/admin/users/" + username, api.adminToken()).json()
                    .getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock: " + username)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText(username + " is unlocked.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reset mail: " + username)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("A reset mail is on its way");
            TestSmtp.await(email(username), "Reset", MAIL_WAIT);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete: " + username)).click();
            assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Delete " + username + " for good?");
            Browser.assertAccessible(page, "confirmation dialog");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
            assertEquals(200, api.get("/api/admin/users/" + username, api.adminToken()).status(), "cancelled: still there");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete: " + username)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText(username + " is deleted.");
            assertEquals(404, api.get("/api/admin/users/" + username, api.adminToken()).status());

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clients")).click();
            String clientId = Api.uniqueName("ui-client");
            view(page).getByLabel("Client id").fill(clientId);
            view(page).getByLabel("Description").fill("made in the browser");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create client")).click();
            assertThat(page.locator("#secret-client")).hasText(clientId);
            String secret = page.locator("#secret-value").textContent();
            assertEquals(200, api.introspect(api.accessToken(api.newUser("uiclient-subject")), new Api.Client(clientId, secret))
                    .status(), "the secret shown works");
            Browser.assertAccessible(page, "clients");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New secret: " + clientId)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText(clientId + " has a new secret.");
            assertEquals(401, api.introspect("x", new Api.Client(clientId, secret)).status(), "the old secret stopped working");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete: " + clientId)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText(clientId + " is deleted.");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signing keys")).click();
            assertThat(page.locator("#keys")).containsText("signing");
            int keys = page.locator("#keys tr").count();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate now")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("is published; it signs from");
            assertThat(page.locator("#keys tr")).hasCount(keys + 1);
            assertThat(page.locator("#keys")).containsText("next");
            Browser.assertAccessible(page, "keys");
            Browser.screenshot(page, "admin-keys");
            assertNoTokenKept(page);
        }
    }

    @Test
    void adminWhenAUserLostTheirDeviceThenTheSecondFactorIsReset() {
        String username = api.newUser("uilost");
        Authenticator.enrol(api, api.accessToken(username));
        try (BrowserContext context = browser.context(false)) {
            Page page = open(context, "/admin/");
            signIn(page, System.getProperty("jwtlib.it.admin.username"), System.getProperty("jwtlib.it.admin.password"));
            view(page).getByLabel("Username starts with").fill(username);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(page.locator("#users")).containsText("two-step on");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset two-step: " + username)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("second factor of " + username + " is removed");
            assertThat(page.locator("#users")).containsText("two-step off");
        }
        assertFalse(api.login(username, PASSWORD).getJsonObject("user").getBoolean("mfa_enabled"));
    }

    @Test
    void pagesWhenFramedOrAskedForStrayPathsThenRefused() {
        try (BrowserContext context = browser.context(false)) {
            Page page = context.newPage();
            for (String path : List.of("/account/", "/admin/", "/ui/jwtlib.js", "/ui/app.css")) {
                Response response = page.navigate(api.base() + path);
                assertEquals(200, response.status(), path);
                assertEquals("DENY", response.headerValue("x-frame-options"), path);
                assertEquals("nosniff", response.headerValue("x-content-type-options"), path);
                assertTrue(response.headerValue("content-security-policy").contains("default-src 'none'"), path);
            }
            // an attacker's page that frames the account page: the browser refuses to show it
            page.setContent("<iframe id=f src='" + api.base() + "/account/'></iframe>");
            page.waitForTimeout(1500);
            assertTrue(page.frames().stream().noneMatch(frame -> frame.url().endsWith("/account/")
                    && frame.locator("h1").count() > 0), "framed: blocked by frame-ancestors 'none'");
        }
    }
}
