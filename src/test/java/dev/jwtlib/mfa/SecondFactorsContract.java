package dev.jwtlib.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SecondFactors} store must do; run against the in-memory and the MongoDB store. */
public abstract class SecondFactorsContract {

    protected SecondFactors factors;

    /** A store with the users {@code u1} and {@code u2}, neither with a factor. */
    protected abstract SecondFactors newStore();

    /** The user's {@code mfa_enabled} as the user store reads it. */
    protected abstract boolean mfaEnabled(String userId);

    @BeforeEach
    void open() {
        factors = newStore();
    }

    @Test
    void activateWhenThePendingSecretThenOnWithItsStepAndCodes() {
        assertTrue(factors.begin("u1", "sealed-1"));
        assertFalse(factors.find("u1").orElseThrow().active());
        assertFalse(mfaEnabled("u1"), "pending is not on");
        assertTrue(factors.begin("u1", "sealed-2"), "a new enrolment replaces a pending one");
        assertFalse(factors.activate("u1", "sealed-1", 100, List.of("r1")), "only the newest pending secret");
        assertTrue(factors.activate("u1", "sealed-2", 100, List.of("r1", "r2")));
        SecondFactors.Factor on = factors.find("u1").orElseThrow();
        assertTrue(on.active());
        assertEquals("sealed-2", on.sealedSecret());
        assertEquals(100, on.lastStep());
        assertEquals(List.of("r1", "r2"), on.recoveryDigests());
        assertTrue(mfaEnabled("u1"));
        assertFalse(factors.begin("u1", "sealed-3"), "an active factor is not replaced by a new enrolment");
        assertFalse(factors.activate("u1", "sealed-2", 101, List.of()), "nor activated twice");
        assertTrue(factors.find("u2").isEmpty());
        assertFalse(factors.begin("nobody", "sealed"), "no user, no enrolment");
    }

    @Test
    void useStepWhenOnlyLaterStepsThenEachOnce() {
        factors.begin("u1", "s");
        factors.activate("u1", "s", 100, List.of());
        assertFalse(factors.useStep("u1", 100), "the confirming code's step is used");
        assertTrue(factors.useStep("u1", 101));
        assertFalse(factors.useStep("u1", 101), "a replay");
        assertFalse(factors.useStep("u1", 99), "an older step");
        assertTrue(factors.useStep("u1", 103));
        assertEquals(103, factors.find("u1").orElseThrow().lastStep());
        assertFalse(factors.useStep("u2", 200), "no factor");
    }

    @Test
    void useRecoveryCodeWhenUnusedThenOnceAndReplacedCodesDie() {
        factors.begin("u1", "s");
        factors.activate("u1", "s", 1, List.of("r1", "r2"));
        assertTrue(factors.useRecoveryCode("u1", "r1"));
        assertFalse(factors.useRecoveryCode("u1", "r1"));
        assertFalse(factors.useRecoveryCode("u1", "zz"));
        assertEquals(List.of("r2"), factors.find("u1").orElseThrow().recoveryDigests());
        assertTrue(factors.replaceRecoveryCodes("u1", List.of("n1", "n2", "n3")));
        assertFalse(factors.useRecoveryCode("u1", "r2"), "the old codes stop working");
        assertTrue(factors.useRecoveryCode("u1", "n2"));
        assertFalse(factors.replaceRecoveryCodes("u2", List.of("x")), "no factor");
    }

    @Test
    void removeWhenOnThenOffAndTrueAndAPendingOneIsRemovedToo() {
        factors.begin("u1", "s");
        factors.activate("u1", "s", 1, List.of("r1"));
        assertTrue(factors.remove("u1"));
        assertTrue(factors.find("u1").isEmpty());
        assertFalse(mfaEnabled("u1"));
        assertFalse(factors.useStep("u1", 5));
        assertFalse(factors.useRecoveryCode("u1", "r1"));
        factors.begin("u2", "p");
        assertFalse(factors.remove("u2"), "a pending enrolment was not on");
        assertTrue(factors.find("u2").isEmpty());
        assertTrue(factors.begin("u1", "again"), "a new enrolment after the removal");
    }
}
