package dev.jwtlib.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.lifecycle.AccountCodes.Purpose;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AccountCodes} must do, run against each implementation. */
public abstract class AccountCodesContract {

    private static final Instant LATER = Instant.parse("2026-01-01T00:30:00Z");
    private AccountCodes codes;

    protected abstract AccountCodes newStore();

    @BeforeEach
    void open() {
        codes = newStore();
    }

    @Test
    void redeemThenOnceOnly() {
        codes.issue("u1", Purpose.RESET_PASSWORD, "d1", LATER);
        assertEquals("u1", codes.find(Purpose.RESET_PASSWORD, "d1").orElseThrow().userId(), "finding spends nothing");
        AccountCodes.Redeemed redeemed = codes.redeem(Purpose.RESET_PASSWORD, "d1").orElseThrow();
        assertEquals("u1", redeemed.userId());
        assertEquals(LATER, redeemed.expiresAt());
        assertTrue(codes.redeem(Purpose.RESET_PASSWORD, "d1").isEmpty());
        assertTrue(codes.find(Purpose.RESET_PASSWORD, "d1").isEmpty());
    }

    @Test
    void issueThenOnlyTheNewestOfTheUserAndPurposeWorks() {
        codes.issue("u1", Purpose.RESET_PASSWORD, "old", LATER);
        codes.issue("u1", Purpose.VERIFY_EMAIL, "verify", LATER);
        codes.issue("u2", Purpose.RESET_PASSWORD, "other-user", LATER);
        codes.issue("u1", Purpose.RESET_PASSWORD, "new", LATER);
        assertTrue(codes.redeem(Purpose.RESET_PASSWORD, "old").isEmpty(), "superseded");
        assertTrue(codes.redeem(Purpose.RESET_PASSWORD, "new").isPresent());
        assertTrue(codes.redeem(Purpose.VERIFY_EMAIL, "verify").isPresent(), "another purpose lives on");
        assertTrue(codes.redeem(Purpose.RESET_PASSWORD, "other-user").isPresent(), "another user's lives on");
    }

    @Test
    void redeemWhenOfAnotherPurposeOrUnknownThenNothing() {
        codes.issue("u1", Purpose.VERIFY_EMAIL, "d1", LATER);
        assertTrue(codes.redeem(Purpose.RESET_PASSWORD, "d1").isEmpty(), "a verification code resets no password");
        assertTrue(codes.redeem(Purpose.RESET_PASSWORD, "unknown").isEmpty());
    }
}
