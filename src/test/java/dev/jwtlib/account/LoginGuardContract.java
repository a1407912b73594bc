package dev.jwtlib.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.TooManyFailures;
import dev.jwtlib.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Brute-force protection per account and source address, run once per implementation of
 * {@link LoginAttempts} (in memory, and MongoDB through the real driver), with a clock the test
 * moves instead of sleeping: the same answers from both keep the in-memory one honest for the
 * other unit tests. Limits here: 3 failures per source, 5 minutes, 12 per account.
 */
public abstract class LoginGuardContract {

    private static final String HERE = "192.0.2.1";
    private static final String THERE = "198.51.100.7";
    private final MutableClock clock = new MutableClock();
    private LoginGuard guard;
    private LoginGuard otherInstance;

    /** A fresh, empty store of login attempts. */
    protected abstract LoginAttempts newStore();

    @BeforeEach
    void start() {
        LoginAttempts store = newStore();
        LoginSettings settings = new LoginSettings(3, Duration.ofMinutes(5), 12);
        guard = new LoginGuard(store, settings, new SecurityEvents(clock), clock);
        otherInstance = new LoginGuard(store, settings, new SecurityEvents(clock), clock);
    }

    private static void fail(LoginGuard on, String name, String source) {
        on.attempt(name, source);
        on.failed(name, source, true);
    }

    private static void succeed(LoginGuard on, String name, String source) {
        on.attempt(name, source);
        on.succeeded(name, source);
    }

    private long lockedFor(String name, String source) {
        return assertThrows(TooManyFailures.class, () -> guard.attempt(name, source)).retryAfterSeconds();
    }

    @Test
    void failedWhenLimitReachedFromOneSourceThenThatSourceIsLockedEvenForTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            fail(guard, "alice", HERE);
        }
        assertEquals(300, lockedFor("alice", HERE));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(290, lockedFor("alice", HERE));
    }

    @Test
    void failedWhenFromAnotherSourceThenTheOwnersSourceIsNotLocked() {
        for (int i = 0; i < 3; i++) {
            fail(guard, "alice", THERE);
        }
        assertThrows(TooManyFailures.class, () -> guard.attempt("alice", THERE));
        assertDoesNotThrow(() -> succeed(guard, "alice", HERE), "the attacker's failures do not lock the owner out");
    }

    @Test
    void attemptWhenALockEndsThenTheNextRoundOfFailuresLocksTwiceAsLong() {
        for (int i = 0; i < 3; i++) {
            fail(guard, "alice", HERE);
        }
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> fail(guard, "alice", HERE), "a lock does not reset to a new full count");
        }
        assertEquals(600, lockedFor("alice", HERE));
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            fail(guard, "alice", HERE);
        }
        assertEquals(1200, lockedFor("alice", HERE));
    }

    @Test
    void lockoutWhenManyRoundsThenAtMostADay() {
        assertEquals(Duration.ofMinutes(5), guard.lockout(1));
        assertEquals(Duration.ofMinutes(40), guard.lockout(4));
        assertEquals(LoginSettings.MAX_LOCKOUT, guard.lockout(100));
    }

    @Test
    void succeededWhenBeforeTheLimitThenThatSourceStartsOver() {
        fail(guard, "alice", HERE);
        fail(guard, "alice", HERE);
        succeed(guard, "alice", HERE);
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> fail(guard, "alice", HERE));
        }
        assertThrows(TooManyFailures.class, () -> guard.attempt("alice", HERE));
    }

    @Test
    void failedWhenTheAccountLimitIsReachedAcrossSourcesThenLockedEverywhereUntilUnlocked() {
        for (int source = 0; source < 4; source++) {
            for (int i = 0; i < 3; i++) {
                fail(guard, "root", "203.0.113." + source);
            }
        }
        TooManyFailures locked = assertThrows(TooManyFailures.class, () -> guard.attempt("root", HERE));
        assertTrue(locked.locked());
        assertEquals(LoginGuard.ACCOUNT_LOCK_RETRY.toSeconds(), locked.retryAfterSeconds());
        clock.advance(Duration.ofDays(2));
        assertThrows(TooManyFailures.class, () -> guard.attempt("root", HERE), "only an administrator ends it");
        guard.unlock("root");
        assertDoesNotThrow(() -> succeed(guard, "root", HERE));
        assertDoesNotThrow(() -> succeed(guard, "root", "203.0.113.0"), "the unlock ends the sources' locks too");
    }

    @Test
    void succeededWhenFromAnySourceThenTheAccountCountStartsOver() {
        for (int source = 0; source < 3; source++) {
            for (int i = 0; i < 3; i++) {
                fail(guard, "root", "203.0.113." + source);
            }
        }
        succeed(guard, "root", HERE);
        for (int i = 0; i < 3; i++) {
            fail(guard, "root", "203.0.113.9");
        }
        assertDoesNotThrow(() -> succeed(guard, "root", HERE), "9 + 3 failures with a success between: no account lock");
    }

    @Test
    void failedWhenOnTwoInstancesThenCountsAddUp() {
        fail(guard, "bob", HERE);
        fail(otherInstance, "bob", HERE);
        fail(guard, "bob", HERE);
        assertEquals(300, assertThrows(TooManyFailures.class, () -> otherInstance.attempt("bob", HERE)).retryAfterSeconds());
        assertThrows(TooManyFailures.class, () -> guard.attempt("bob", HERE));
    }

    @Test
    void failedWhenOtherNamesThenEachCountedAlone() {
        fail(guard, "alice", HERE);
        fail(guard, "alice", HERE);
        fail(guard, "carol", HERE);
        fail(guard, "carol", HERE);
        assertDoesNotThrow(() -> fail(guard, "alice", HERE));
        assertDoesNotThrow(() -> fail(guard, "carol", HERE));
    }

    @Test
    void attemptWhenManyInParallelThenNeverMoreThanTheLimitGetsThrough() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                guesses.add(() -> {
                    try {
                        guard.attempt("dave", HERE);
                        return true;
                    } catch (TooManyFailures e) {
                        return false;
                    }
                });
            }
            long admitted = 0;
            for (Future<Boolean> result : pool.invokeAll(guesses)) {
                admitted += result.get() ? 1 : 0;
            }
            // the security property: never more guesses in flight than the limit, however they race
            assertTrue(admitted >= 1 && admitted <= 3, "admitted " + admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void attemptWhenAsManyChecksUnderWayAsFailuresLeftThenBusyForASecondButNotLocked() {
        fail(guard, "erin", HERE);
        guard.attempt("erin", HERE);
        guard.attempt("erin", HERE);
        TooManyFailures busy = assertThrows(TooManyFailures.class, () -> guard.attempt("erin", HERE));
        assertEquals(1, busy.retryAfterSeconds());
        guard.succeeded("erin", HERE);
        guard.succeeded("erin", HERE);
        for (int i = 0; i < 3; i++) {
            guard.attempt("erin", HERE);
        }
        for (int i = 0; i < 3; i++) {
            guard.succeeded("erin", HERE);
        }
        assertDoesNotThrow(() -> guard.attempt("erin", HERE), "successes never lock");
    }

    @Test
    void attemptWhenChecksWereLostLongAgoThenTheyNoLongerCount() {
        for (int i = 0; i < 3; i++) {
            guard.attempt("frank", HERE);
        }
        assertThrows(TooManyFailures.class, () -> guard.attempt("frank", HERE));
        clock.advance(LoginGuard.STALE.plusSeconds(1));
        assertDoesNotThrow(() -> guard.attempt("frank", HERE));
        assertDoesNotThrow(() -> guard.attempt("frank", HERE));
    }

    @Test
    void abandonedWhenTheCheckCouldNotBeMadeThenNeitherFailureNorSuccess() {
        fail(guard, "gina", HERE);
        fail(guard, "gina", HERE);
        for (int i = 0; i < 5; i++) {
            guard.attempt("gina", HERE);
            guard.abandoned("gina", HERE);
        }
        fail(guard, "gina", HERE);
        assertEquals(300, lockedFor("gina", HERE));
    }
}
