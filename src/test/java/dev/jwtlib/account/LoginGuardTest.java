package dev.jwtlib.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import dev.jwtlib.store.SerializedH2Backend;
import dev.jwtlib.error.TooManyFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Brute-force protection against a real MongoDB-wire server (mongo-java-server in memory) through
 * the real driver, with a clock the test moves instead of sleeping.
 */
class LoginGuardTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private MongoServer server;
    private MongoClient client;
    private LoginGuard guard;
    private LoginGuard otherInstance;

    @BeforeEach
    void start() {
        server = new MongoServer(SerializedH2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        LoginSettings settings = new LoginSettings(3, Duration.ofMinutes(5));
        guard = new LoginGuard(client.getDatabase("t"), settings, clock);
        otherInstance = new LoginGuard(client.getDatabase("t"), settings, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
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

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
