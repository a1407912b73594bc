package dev.jwtlib.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.jwtlib.error.TooManyFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
        server = new MongoServer(H2Backend.inMemory());
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

    @Test
    void failedWhenLimitReachedThenLockedEvenForTheRightPassword() {
        guard.failed("alice");
        guard.failed("alice");
        assertDoesNotThrow(() -> guard.requireNotLocked("alice"));
        guard.failed("alice");
        TooManyFailures e = assertThrows(TooManyFailures.class, () -> guard.requireNotLocked("alice"));
        assertEquals(300, e.retryAfterSeconds());
    }

    @Test
    void lockWhenLockoutPassesThenOpenAgainWithAFreshCount() {
        for (int i = 0; i < 3; i++) {
            guard.failed("alice");
        }
        clock.advance(Duration.ofMinutes(4));
        assertEquals(60, assertThrows(TooManyFailures.class, () -> guard.requireNotLocked("alice")).retryAfterSeconds());
        clock.advance(Duration.ofMinutes(1));
        assertDoesNotThrow(() -> guard.requireNotLocked("alice"));
        guard.failed("alice");
        assertDoesNotThrow(() -> guard.requireNotLocked("alice"));
    }

    @Test
    void succeededWhenBeforeTheLimitThenCountStartsOver() {
        guard.failed("alice");
        guard.failed("alice");
        guard.succeeded("alice");
        guard.failed("alice");
        guard.failed("alice");
        assertDoesNotThrow(() -> guard.requireNotLocked("alice"));
    }

    @Test
    void failedWhenOnTwoInstancesThenCountsAddUp() {
        guard.failed("bob");
        otherInstance.failed("bob");
        guard.failed("bob");
        assertThrows(TooManyFailures.class, () -> otherInstance.requireNotLocked("bob"));
    }

    @Test
    void failedWhenOtherNamesThenEachCountedAlone() {
        guard.failed("alice");
        guard.failed("alice");
        guard.failed("carol");
        guard.failed("carol");
        assertDoesNotThrow(() -> guard.requireNotLocked("alice"));
        assertDoesNotThrow(() -> guard.requireNotLocked("carol"));
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
