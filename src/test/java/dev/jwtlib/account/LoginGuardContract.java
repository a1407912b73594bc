package dev.jwtlib.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Brute-force protection, run once per implementation of {@link LoginAttempts} (in memory, and
 * MongoDB through the real driver), with a clock the test moves instead of sleeping: the same
 * answers from both keep the in-memory one honest for the other unit tests.
 */
public abstract class LoginGuardContract {

    private final MutableClock clock = new MutableClock();
    private LoginGuard guard;
    private LoginGuard otherInstance;

    /** A fresh, empty store of login attempts. */
    protected abstract LoginAttempts newStore();

    @BeforeEach
    void start() {
        LoginAttempts store = newStore();
        LoginSettings settings = new LoginSettings(3, Duration.ofMinutes(5));
        guard = new LoginGuard(store, settings, clock);
        otherInstance = new LoginGuard(store, settings, clock);
    }

    private void fail(LoginGuard on, String name) {
        on.attempt(name);
        on.failed(name);
    }

    @Test
    void failedWhenLimitReachedThenLockedEvenForTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            fail(guard, "alice");
        }
        assertEquals(300, assertThrows(TooManyFailures.class, () -> guard.attempt("alice")).retryAfterSeconds());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(290, assertThrows(TooManyFailures.class, () -> guard.attempt("alice")).retryAfterSeconds());
    }

    @Test
    void attemptWhenLockoutPassesThenOpenAgainWithAFreshCount() {
        for (int i = 0; i < 3; i++) {
            fail(guard, "alice");
        }
        clock.advance(Duration.ofMinutes(4));
        assertEquals(60, assertThrows(TooManyFailures.class, () -> guard.attempt("alice")).retryAfterSeconds());
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> fail(guard, "alice"));
        }
        assertThrows(TooManyFailures.class, () -> guard.attempt("alice"));
    }

    @Test
    void succeededWhenBeforeTheLimitThenFailuresStartOver() {
        fail(guard, "alice");
        fail(guard, "alice");
        guard.attempt("alice");
        guard.succeeded("alice");
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> fail(guard, "alice"));
        }
        assertThrows(TooManyFailures.class, () -> guard.attempt("alice"));
    }

    @Test
    void failedWhenOnTwoInstancesThenCountsAddUp() {
        fail(guard, "bob");
        fail(otherInstance, "bob");
        fail(guard, "bob");
        assertEquals(300, assertThrows(TooManyFailures.class, () -> otherInstance.attempt("bob")).retryAfterSeconds());
        assertThrows(TooManyFailures.class, () -> guard.attempt("bob"));
    }

    @Test
    void failedWhenOtherNamesThenEachCountedAlone() {
        fail(guard, "alice");
        fail(guard, "alice");
        fail(guard, "carol");
        fail(guard, "carol");
        assertDoesNotThrow(() -> fail(guard, "alice"));
        assertDoesNotThrow(() -> fail(guard, "carol"));
    }

    @Test
    void attemptWhenManyInParallelThenNeverMoreThanTheLimitGetsThrough() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                guesses.add(() -> {
                    try {
                        guard.attempt("dave");
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
        fail(guard, "erin");
        guard.attempt("erin");
        guard.attempt("erin");
        TooManyFailures busy = assertThrows(TooManyFailures.class, () -> guard.attempt("erin"));
        assertEquals(1, busy.retryAfterSeconds());
        guard.succeeded("erin");
        guard.succeeded("erin");
        for (int i = 0; i < 3; i++) {
            guard.attempt("erin");
        }
        for (int i = 0; i < 3; i++) {
            guard.succeeded("erin");
        }
        assertDoesNotThrow(() -> guard.attempt("erin"), "successes never lock");
    }

    @Test
    void attemptWhenChecksWereLostLongAgoThenTheyNoLongerCount() {
        for (int i = 0; i < 3; i++) {
            guard.attempt("frank");
        }
        assertThrows(TooManyFailures.class, () -> guard.attempt("frank"));
        clock.advance(LoginGuard.STALE.plusSeconds(1));
        assertDoesNotThrow(() -> guard.attempt("frank"));
        assertDoesNotThrow(() -> guard.attempt("frank"));
    }

    @Test
    void abandonedWhenTheCheckCouldNotBeMadeThenNeitherFailureNorSuccess() {
        fail(guard, "gina");
        fail(guard, "gina");
        for (int i = 0; i < 5; i++) {
            guard.attempt("gina");
            guard.abandoned("gina");
        }
        fail(guard, "gina");
        assertEquals(300, assertThrows(TooManyFailures.class, () -> guard.attempt("gina")).retryAfterSeconds());
    }
}
