package dev.jwtlib.lifecycle;

import static dev.jwtlib.testing.Services.PASSWORD;
import static dev.jwtlib.testing.Services.SOURCE;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.account.User;
import dev.jwtlib.error.BadCredentials;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.error.TooManyFailures;
import dev.jwtlib.error.TooManyRequests;
import dev.jwtlib.mail.Mail;
import dev.jwtlib.mail.TestOutbox;
import dev.jwtlib.session.LoginResponse;
import dev.jwtlib.testing.Services;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Verified email and password reset over the in-memory service, mails read from the test outbox. */
class LifecycleTest {

    private static final String NEW_PASSWORD = "a brand new passphrase of hers";
    private final Services service = new Services();
    private final User alice = service.register("alice");

    private String verificationCode(User user) {
        service.verification.send(user);
        Mail mail = service.mail.next();
        assertEquals(user.email(), mail.to());
        assertEquals("email_verification", mail.kind());
        return TestOutbox.code(mail);
    }

    private String resetCode() {
        service.passwordReset.forgot("alice", null);
        Mail mail = service.mail.next();
        assertEquals("alice@example.com", mail.to());
        return TestOutbox.code(mail);
    }

    // --- verification ----------------------------------------------------------------------------

    @Test
    void verifyWhenTheMailedCodeThenVerifiedAndTheCodeIsSpent() {
        String code = verificationCode(alice);
        assertFalse(service.users.byId(alice.id()).orElseThrow().emailVerified());
        String typed = code.toLowerCase(Locale.ROOT).replaceAll("(.{5})", "$1 ");
        assertTrue(service.verification.verify(typed).emailVerified(), "typed in lower case with spaces, as people do");
        assertTrue(service.users.byId(alice.id()).orElseThrow().emailVerified());
        assertThrows(InvalidInput.class, () -> service.verification.verify(code), "once only");
    }

    @Test
    void verifyWhenSupersededExpiredWrongOrMalformedThenOneAndTheSameRefusal() {
        String first = verificationCode(alice);
        String second = verificationCode(alice);
        InvalidInput superseded = assertThrows(InvalidInput.class, () -> service.verification.verify(first));
        service.clock.advance(Services.LIFECYCLE.verifyTtl().plusSeconds(1));
        InvalidInput expired = assertThrows(InvalidInput.class, () -> service.verification.verify(second));
        InvalidInput wrong = assertThrows(InvalidInput.class, () -> service.verification.verify("AAAAAAAAAAAAAAAAAAAAAAAAAA"));
        InvalidInput malformed = assertThrows(InvalidInput.class, () -> service.verification.verify("{\"$ne\":null}"));
        for (InvalidInput e : new InvalidInput[] {expired, wrong, malformed}) {
            assertEquals(superseded.errors(), e.errors(), "no hint which");
        }
        assertFalse(superseded.errors().get(0).message().contains(first), "the code is never in an answer");
    }

    @Test
    void resendWhenAskedTooOftenThen429AndWhenVerifiedThenNoMail() {
        for (int i = 0; i < EmailVerification.MAILS_PER_HOUR; i++) {
            service.verification.resend(alice);
            service.mail.next();
        }
        assertThrows(TooManyRequests.class, () -> service.verification.resend(alice));
        User bob = service.register("bob");
        service.verification.verify(verificationCode(bob));
        service.verification.resend(service.users.byId(bob.id()).orElseThrow());
        assertTrue(service.mail.sent.isEmpty(), "a verified address gets no more codes");
    }

    @Test
    void loginWhenAVerifiedAddressIsRequiredThen403AndANewCodeUntilVerified() {
        Services strict = new Services(new LifecycleSettings(true, Duration.ofDays(2), Duration.ofMinutes(30), Optional.empty(),
                Optional.empty()));
        User carol = strict.register("carol");
        assertThrows(EmailNotVerified.class, () -> strict.sessions.login("carol", PASSWORD, SOURCE));
        String code = TestOutbox.code(strict.mail.next());
        assertThrows(BadCredentials.class, () -> strict.sessions.login("carol", PASSWORD + "!", SOURCE),
                "a wrong password says nothing about the address");
        strict.verification.verify(code);
        LoginResponse pair = (LoginResponse) strict.sessions.login("carol", PASSWORD, SOURCE);
        assertTrue(pair.user().emailVerified());
        assertEquals(carol.username(), pair.user().username());
    }

    // --- reset ----------------------------------------------------------------------------------

    @Test
    void resetThenTheNewPasswordWorksTheOldNotEverySessionEndsTheLockIsGoneAndTheAddressIsVerified() {
        LoginResponse before = (LoginResponse) service.sessions.login("alice", PASSWORD, SOURCE);
        for (int i = 0; i < service.loginSettings.maxFailures(); i++) {
            assertThrows(BadCredentials.class, () -> service.sessions.login("alice", "wrong " + PASSWORD, SOURCE));
        }
        assertThrows(TooManyFailures.class, () -> service.sessions.login("alice", PASSWORD, SOURCE));
        String code = resetCode();
        User user = service.passwordReset.check(code, NEW_PASSWORD);
        assertEquals("alice", user.username());
        service.clock.advance(Duration.ofSeconds(1));
        service.passwordReset.reset(code, NEW_PASSWORD);
        assertThrows(InvalidToken.class, () -> service.sessions.refresh(before.refreshToken()), "every session ended");
        assertThrows(BadCredentials.class, () -> service.sessions.login("alice", PASSWORD, SOURCE), "the old password");
        LoginResponse after = (LoginResponse) service.sessions.login("alice", NEW_PASSWORD, SOURCE);
        assertTrue(after.user().emailVerified(), "the code reached the address");
        assertThrows(InvalidInput.class, () -> service.passwordReset.check(code, NEW_PASSWORD + "!"), "once only");
    }

    @Test
    void resetWhenTheNewPasswordBreaksARuleThen400AndTheCodeStillWorks() {
        String code = resetCode();
        InvalidInput weak = assertThrows(InvalidInput.class, () -> service.passwordReset.check(code, "short"));
        assertEquals("new_password", weak.errors().get(0).field());
        assertThrows(InvalidInput.class, () -> service.passwordReset.check(code, "alice alice alice alice"),
                "the rules of this user (no username in it)");
        assertDoesNotThrow(() -> service.passwordReset.check(code, NEW_PASSWORD));
        service.passwordReset.reset(code, NEW_PASSWORD);
    }

    @Test
    void resetWhenSupersededExpiredOrAVerificationCodeThenRefused() {
        String first = resetCode();
        String second = resetCode();
        assertThrows(InvalidInput.class, () -> service.passwordReset.check(first, NEW_PASSWORD), "only the newest works");
        String verification = verificationCode(alice);
        assertThrows(InvalidInput.class, () -> service.passwordReset.check(verification, NEW_PASSWORD),
                "a verification code resets nothing");
        service.clock.advance(Services.LIFECYCLE.resetTtl().plusSeconds(1));
        assertThrows(InvalidInput.class, () -> service.passwordReset.check(second, NEW_PASSWORD), "expired");
    }

    @Test
    void forgotWhenTheAccountDoesNotExistThenTheSameReturnAndNoMail() {
        assertDoesNotThrow(() -> service.passwordReset.forgot("nobody", null));
        assertDoesNotThrow(() -> service.passwordReset.forgot(null, "nobody@example.com"));
        assertTrue(service.mail.sent.isEmpty());
        service.passwordReset.forgot(null, "ALICE@example.com");
        assertTrue(service.mail.next().text().contains("https://app.example.com/reset?code="), "the application's link");
    }

    @Test
    void forgotWhenAskedTooOftenForOneNameThen429WhetherOrNotItHasAnAccount() {
        for (int i = 0; i < PasswordReset.MAILS_PER_HOUR; i++) {
            service.passwordReset.forgot("alice", null);
            service.passwordReset.forgot("nobody", null);
        }
        assertThrows(TooManyRequests.class, () -> service.passwordReset.forgot("alice", null));
        assertThrows(TooManyRequests.class, () -> service.passwordReset.forgot("nobody", null));
        assertDoesNotThrow(() -> service.passwordReset.forgot("someone-else", null), "per name, not global");
    }

    @Test
    void forgotWhenNeitherOrBothOrNotANameThen400() {
        assertThrows(InvalidInput.class, () -> service.passwordReset.forgot(null, null));
        assertThrows(InvalidInput.class, () -> service.passwordReset.forgot("alice", "alice@example.com"));
        assertThrows(InvalidInput.class, () -> service.passwordReset.forgot("a\u0000b", null));
        assertThrows(InvalidInput.class, () -> service.passwordReset.forgot(null, "not an address"));
    }
}
