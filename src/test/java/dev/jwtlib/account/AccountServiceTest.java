package dev.jwtlib.account;

import static dev.jwtlib.testing.Services.PASSWORD;
import static dev.jwtlib.testing.Services.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.error.BadCredentials;
import dev.jwtlib.error.Conflict;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.testing.Services;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration and password checks over in-memory stores; real PBKDF2 at few iterations. */
class AccountServiceTest {

    private final Services service = new Services();
    private final AccountService accounts = service.accounts;

    @Test
    void checkRegistrationWhenTheUsernameOrEmailIsTakenThenConflictBeforeAnyHash() {
        service.register("alice");
        assertThrows(Conflict.class, () -> accounts.checkRegistration("ALICE", "other@example.com", PASSWORD + "x",
                List.of(Roles.USER)));
        assertThrows(Conflict.class, () -> accounts.checkRegistration("alicia", "Alice@Example.com", PASSWORD + "x",
                List.of(Roles.USER)));
    }

    @Test
    void registerWhenTheNameWasLockedBeforeTheAccountExistedThenTheNewAccountStartsClean() {
        for (int source = 0; source < 20; source++) {
            for (int i = 0; i < service.loginSettings.maxFailures(); i++) {
                accounts.authenticate("carol", PASSWORD, "203.0.113." + source);
            }
        }
        assertTrue(service.guard.accountLocked("carol"), "an attacker locked the name in advance");
        service.register("carol");
        assertTrue(accounts.authenticate("carol", PASSWORD, SOURCE).isPresent());
    }

    @Test
    void loginWhenThePasswordHasTrailingNulsThenRefusedAsInvalidInputNotMatched() {
        service.register("alice");
        InvalidInput e = assertThrows(InvalidInput.class, () -> AccountService.checkCredentials("alice", PASSWORD + "\u0000"));
        assertEquals("password", e.errors().get(0).field());
        assertTrue(accounts.authenticate("alice", PASSWORD, SOURCE).isPresent());
    }

    @Test
    void loginWhenAPasswordSetElsewhereHoldsATabThenItStillWorksButNoNewPasswordMayHoldOne() {
        User alice = service.register("alice");
        String migrated = "imported\tpassword from elsewhere";
        service.users.update(alice.id(), UserUpdate.password(service.hasher.hash(migrated)), service.clock.instant());
        AccountService.checkCredentials("alice", migrated);
        assertTrue(accounts.authenticate("alice", migrated, SOURCE).isPresent());
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> accounts.checkPasswordChange(alice, migrated, "a new\tpassword with a tab"));
        assertEquals("new_password", e.errors().get(0).field());
    }

    @Test
    void registerWhenTheEmailHoldsANulThenRefused() {
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> accounts.register("alice", "a\u0000b@example.com", PASSWORD));
        assertEquals("email", e.errors().get(0).field());
    }

    @Test
    void changePasswordWhenTheNewOneBreaksARuleThenRefusedBeforeTheCurrentOneIsChecked() {
        User alice = service.register("alice");
        assertThrows(InvalidInput.class, () -> accounts.changePassword(alice, "wrong current", "short", SOURCE));
        assertEquals(0, service.loginAttempts.counts("alice", SOURCE).failures(), "a 400 is not a failed login");
        assertThrows(BadCredentials.class, () -> accounts.changePassword(alice, "wrong current", PASSWORD + " new", SOURCE));
        assertEquals(1, service.loginAttempts.counts("alice", SOURCE).failures());
    }
}
