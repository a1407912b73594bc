package dev.jwtlib.mfa;

import static dev.jwtlib.testing.Services.PASSWORD;
import static dev.jwtlib.testing.Services.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.account.Roles;
import dev.jwtlib.account.User;
import dev.jwtlib.error.BadCredentials;
import dev.jwtlib.error.Conflict;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.error.TooManyFailures;
import dev.jwtlib.session.LoginResponse;
import dev.jwtlib.session.LoginResult;
import dev.jwtlib.session.MfaChallenge;
import dev.jwtlib.testing.Services;
import dev.jwtlib.verify.VerifiedToken;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecondFactorServiceTest {

    /** TOTP required for admins: the tests of {@code required-roles} use one. */
    private final Services service = new Services(new MfaSettings(Set.of(Roles.ADMIN), "jwtlib-test"));
    private final SecondFactorService mfa = service.secondFactor;

    /** An authenticator app: the secret from the enrolment, the service's clock. */
    private String code(byte[] secret, int stepsFromNow) {
        return Totp.code(secret, Totp.step(service.clock.instant()) + stepsFromNow);
    }

    private byte[] enrol(User user) {
        return enrolWithCodes(user).secret;
    }

    private record Enrolled(byte[] secret, List<String> recoveryCodes) {
    }

    private Enrolled enrolWithCodes(User user) {
        SecondFactorService.Enrolment enrolment = mfa.begin(user, PASSWORD, SOURCE);
        byte[] secret = Base32.decode(enrolment.secret());
        List<String> codes = mfa.confirm(service.users.byId(user.id()).orElseThrow(), code(secret, 0));
        service.clock.advance(Duration.ofSeconds(30)); // the confirming code's step is spent
        return new Enrolled(secret, codes);
    }

    private MfaChallenge challenge(String username) {
        return assertInstanceOf(MfaChallenge.class, service.sessions.login(username, PASSWORD, SOURCE));
    }

    @Test
    void enrolWhenConfirmedThenTheSecretAppsTakeAndTenRecoveryCodes() {
        User alice = service.register("alice");
        assertThrows(BadCredentials.class, () -> mfa.begin(alice, "wrong " + PASSWORD, SOURCE), "the password first");
        SecondFactorService.Enrolment enrolment = mfa.begin(alice, PASSWORD, SOURCE);
        assertEquals(32, enrolment.secret().length(), "160 bits in base32");
        assertEquals("otpauth://totp/jwtlib-test:alice?secret=" + enrolment.secret()
                + "&issuer=jwtlib-test&algorithm=SHA1&digits=6&period=30", enrolment.otpauthUri());
        assertTrue(enrolment.qrCode().startsWith("data:image/svg+xml;base64,"));
        SecondFactors.Factor pending = service.secondFactors.find(alice.id()).orElseThrow();
        assertFalse(pending.active());
        assertFalse(pending.sealedSecret().contains(enrolment.secret()), "the secret is stored encrypted");
        assertFalse(service.users.byId(alice.id()).orElseThrow().mfaEnabled(), "not on before a code confirms it");
        assertInstanceOf(LoginResponse.class, service.sessions.login("alice", PASSWORD, SOURCE));

        byte[] secret = Base32.decode(enrolment.secret());
        assertThrows(InvalidInput.class, () -> mfa.confirm(alice, code(secret, 3)), "a wrong code does not confirm");
        List<String> recovery = mfa.confirm(alice, code(secret, 0));
        assertEquals(10, recovery.size());
        assertEquals(10, new HashSet<>(recovery).size());
        recovery.forEach(code -> assertTrue(code.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"), code));
        assertTrue(service.users.byId(alice.id()).orElseThrow().mfaEnabled());
        assertThrows(Conflict.class, () -> mfa.confirm(alice, code(secret, 0)));
        User on = service.users.byId(alice.id()).orElseThrow();
        assertThrows(Conflict.class, () -> mfa.begin(on, PASSWORD, SOURCE), "a second enrolment needs the first off");
    }

    @Test
    void loginWhenEnrolledThenASecondStepAndTokensThatSayOtpAlsoAfterRefresh() {
        User alice = service.register("alice");
        byte[] secret = enrol(alice);
        MfaChallenge challenge = challenge("alice");
        assertTrue(challenge.mfaRequired());
        assertEquals(300, challenge.expiresIn());
        LoginResponse pair = service.sessions.completeLogin(challenge.mfaToken(), code(secret, 0), SOURCE);
        VerifiedToken token = service.accessTokens.verify(pair.accessToken());
        assertEquals(List.of("pwd", "otp"), token.amr());
        assertTrue(pair.user().mfaEnabled());
        assertThrows(BadCredentials.class, () -> service.sessions.completeLogin(challenge.mfaToken(), code(secret, 1), SOURCE),
                "the mfa_token works once");

        LoginResponse refreshed = service.sessions.refresh(pair.refreshToken());
        assertEquals(List.of("pwd", "otp"), service.accessTokens.verify(refreshed.accessToken()).amr());

        User bob = service.register("bob");
        LoginResponse plain = (LoginResponse) service.sessions.login("bob", PASSWORD, SOURCE);
        assertEquals(List.of("pwd"), service.accessTokens.verify(plain.accessToken()).amr());
        assertEquals(List.of("pwd"), service.accessTokens.verify(service.sessions.refresh(plain.refreshToken()).accessToken()).amr());
        assertFalse(bob.mfaEnabled());
    }

    @Test
    void secondStepWhenReplayedDriftedOrLateThenOnlyFreshCodesWithinOneStep() {
        User alice = service.register("alice");
        byte[] secret = enrol(alice);
        String used = code(secret, 0);
        service.sessions.completeLogin(challenge("alice").mfaToken(), used, SOURCE);
        MfaChallenge second = challenge("alice");
        assertThrows(BadCredentials.class, () -> service.sessions.completeLogin(second.mfaToken(), used, SOURCE),
                "a code works once, also in a new login");
        assertThrows(BadCredentials.class, () -> service.sessions.completeLogin(second.mfaToken(), code(secret, 2), SOURCE),
                "two steps ahead is too far");
        service.sessions.completeLogin(second.mfaToken(), code(secret, 1), SOURCE); // a clock 30 s ahead
        MfaChallenge third = challenge("alice");
        assertThrows(BadCredentials.class, () -> service.sessions.completeLogin(third.mfaToken(), code(secret, 0), SOURCE),
                "a step older than the newest used one");
        service.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThrows(BadCredentials.class, () -> service.sessions.completeLogin(third.mfaToken(), code(secret, 0), SOURCE),
                "the mfa_token expired");
        MfaChallenge older = challenge("alice");
        MfaChallenge newer = challenge("alice");
        assertThrows(BadCredentials.class, () -> service.sessions.completeLogin(older.mfaToken(), code(secret, 0), SOURCE),
                "only the newest login attempt of the user waits");
        service.sessions.completeLogin(newer.mfaToken(), code(secret, 0), SOURCE);
        assertThrows(BadCredentials.class, () -> service.sessions.completeLogin("made-up", code(secret, 1), SOURCE));
    }

    @Test
    void secondStepWhenWrongCodesThenTheyCountForTheLockoutAndARightPasswordDoesNotResetThem() {
        User alice = service.register("alice");
        byte[] secret = enrol(alice);
        for (int i = 0; i < 4; i++) {
            MfaChallenge challenge = challenge("alice");
            assertThrows(BadCredentials.class, () -> service.sessions.completeLogin(challenge.mfaToken(), "000000", SOURCE));
        }
        MfaChallenge last = challenge("alice"); // a right password: the count goes on
        assertThrows(BadCredentials.class, () -> service.sessions.completeLogin(last.mfaToken(), "000001", SOURCE));
        assertThrows(TooManyFailures.class, () -> service.sessions.completeLogin(last.mfaToken(), code(secret, 0), SOURCE),
                "locked after five wrong codes, even for the right one");
        assertThrows(TooManyFailures.class, () -> service.sessions.login("alice", PASSWORD, SOURCE));
        assertInstanceOf(MfaChallenge.class, service.sessions.login("alice", PASSWORD, "198.51.100.7"),
                "another source is not locked out");
    }

    @Test
    void recoveryCodeWhenUsedThenOnceAndNewCodesReplaceTheOld() {
        User alice = service.register("alice");
        Enrolled enrolled = enrolWithCodes(alice);
        String recovery = enrolled.recoveryCodes().get(3);
        LoginResponse pair = service.sessions.completeLogin(challenge("alice").mfaToken(), recovery.toLowerCase(), SOURCE);
        assertEquals(List.of("pwd", "otp"), service.accessTokens.verify(pair.accessToken()).amr());
        assertThrows(BadCredentials.class,
                () -> service.sessions.completeLogin(challenge("alice").mfaToken(), recovery, SOURCE), "once");
        User on = service.users.byId(alice.id()).orElseThrow();
        List<String> renewed = mfa.renewRecoveryCodes(on, PASSWORD, code(enrolled.secret(), 0), SOURCE);
        assertEquals(10, renewed.size());
        assertThrows(BadCredentials.class,
                () -> service.sessions.completeLogin(challenge("alice").mfaToken(), enrolled.recoveryCodes().get(5), SOURCE),
                "the old codes stopped working");
        service.sessions.completeLogin(challenge("alice").mfaToken(), renewed.get(0), SOURCE);
    }

    @Test
    void disableWhenPasswordAndCodeThenOffAndLoginHasOneStepAgain() {
        User alice = service.register("alice");
        byte[] secret = enrol(alice);
        User on = service.users.byId(alice.id()).orElseThrow();
        assertThrows(BadCredentials.class, () -> mfa.disable(on, "wrong " + PASSWORD, code(secret, 0), SOURCE));
        assertThrows(BadCredentials.class, () -> mfa.disable(on, PASSWORD, "123456".equals(code(secret, 0)) ? "654321" : "123456",
                SOURCE));
        assertTrue(service.users.byId(alice.id()).orElseThrow().mfaEnabled(), "still on");
        mfa.disable(on, PASSWORD, code(secret, 0), SOURCE);
        assertFalse(service.users.byId(alice.id()).orElseThrow().mfaEnabled());
        LoginResponse pair = assertInstanceOf(LoginResponse.class, service.sessions.login("alice", PASSWORD, SOURCE));
        assertEquals(List.of("pwd"), service.accessTokens.verify(pair.accessToken()).amr());
    }

    @Test
    void adminResetWhenALostDeviceThenOffAndTheUsersSessionsEnd() {
        User alice = service.register("alice");
        byte[] secret = enrol(alice);
        LoginResponse pair = service.sessions.completeLogin(challenge("alice").mfaToken(), code(secret, 0), SOURCE);
        mfa.reset(service.users.byId(alice.id()).orElseThrow(), "root");
        assertFalse(service.users.byId(alice.id()).orElseThrow().mfaEnabled());
        assertThrows(InvalidToken.class, () -> service.accessTokens.verify(pair.accessToken()));
        assertThrows(InvalidToken.class, () -> service.sessions.refresh(pair.refreshToken()));
        assertInstanceOf(LoginResponse.class, service.sessions.login("alice", PASSWORD, SOURCE));
    }

    @Test
    void requiredRolesWhenNotEnrolledThenTheTokenOnlyEnrolsUntilALoginWithTheSecondFactor() {
        User root = service.register("root", List.of(Roles.USER, Roles.ADMIN));
        LoginResponse restricted = (LoginResponse) service.sessions.login("root", PASSWORD, SOURCE);
        assertEquals(Set.of(Roles.MFA_ENROLMENT), service.accessTokens.verify(restricted.accessToken()).groups());
        assertEquals(List.of("admin", "user"), restricted.user().roles(), "the user's roles are shown, not granted");
        byte[] secret = enrol(root);
        LoginResponse stillRestricted = service.sessions.refresh(restricted.refreshToken());
        assertEquals(Set.of(Roles.MFA_ENROLMENT), service.accessTokens.verify(stillRestricted.accessToken()).groups(),
                "a login without the second factor stays restricted when refreshed");
        LoginResponse full = service.sessions.completeLogin(challenge("root").mfaToken(), code(secret, 0), SOURCE);
        assertEquals(Set.of(Roles.USER, Roles.ADMIN), service.accessTokens.verify(full.accessToken()).groups());
        assertEquals(Set.of(Roles.USER, Roles.ADMIN),
                service.accessTokens.verify(service.sessions.refresh(full.refreshToken()).accessToken()).groups());

        User plain = service.register("plain");
        LoginResponse user = (LoginResponse) service.sessions.login("plain", PASSWORD, SOURCE);
        assertEquals(Set.of(Roles.USER), service.accessTokens.verify(user.accessToken()).groups(), "not a required role");
        assertNotEquals(plain.id(), root.id());
    }

    @Test
    void loginResultWhenNoFactorThenTokensAtOnce() {
        service.register("carol");
        LoginResult result = service.sessions.login("carol", PASSWORD, SOURCE);
        assertInstanceOf(LoginResponse.class, result);
    }
}
