package dev.jwtlib.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshTokens} must do, run against each implementation. */
public abstract class RefreshTokensContract {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(1));
    private RefreshTokens tokens;

    /** A fresh, empty store of logins. */
    protected abstract RefreshTokens newStore();

    @BeforeEach
    void open() {
        tokens = newStore();
    }

    private void start(String login, String userId, String digest) {
        tokens.start(Login.started(login, userId, "alice", 3, NOW, NOW.plus(Duration.ofDays(30)), digest, LATER, dev.jwtlib.token.Amr.PASSWORD_AND_OTP));
    }

    @Test
    void rotateWhenLiveThenOnceOnlyAndTheNextTokenIsLive() {
        start("l1", "user-1", "d1");
        Login before = tokens.rotate("l1", 0, "d1", "d2", LATER).orElseThrow();
        assertTrue(before.accepts("d1", NOW));
        assertEquals("user-1", before.userId());
        assertEquals("alice", before.username(), "the reuse audit line names the user without reading them");
        assertEquals(3, before.epoch());
        assertEquals(NOW, before.start());
        assertEquals(java.util.List.of("pwd", "otp"), before.amr(), "how the user logged in is kept for every refresh");
        Login again = tokens.rotate("l1", 0, "d1", "d3", LATER).orElseThrow();
        assertFalse(again.live().containsKey("d1"), "a second exchange of the same token sees it spent");
        assertTrue(again.spent(0, "d1"));
        assertFalse(again.spent(1, "d1"), "spent as the token of its own generation only");
        assertTrue(again.accepts("d2", NOW));
        assertTrue(again.issued("d1"));
    }

    @Test
    void rotateWhenUnknownLoginThenNothing() {
        assertTrue(tokens.rotate("nope", 0, "d1", "d2", LATER).isEmpty());
        assertTrue(tokens.find("nope").isEmpty());
    }

    @Test
    void rotateWhenTheDigestIsNotLiveThenNothingIsSpentAndUndoTakesTheNextTokenBack() {
        start("l1", "user-1", "d1");
        tokens.rotate("l1", 0, "made-up", "d2", LATER);
        Login between = tokens.find("l1").orElseThrow();
        assertFalse(between.issued("made-up"), "a made-up digest never reaches the spent slots, not even for a moment");
        assertEquals(Map.of(), between.spent());
        tokens.undo("l1", "d2");
        Login login = tokens.find("l1").orElseThrow();
        assertEquals(Map.of("d1", LATER), login.live());
        assertTrue(login.accepts("d1", NOW), "a made-up token does not spoil the real one");
    }

    @Test
    void restoreThenTheSpentTokenIsLiveAgainWithItsExpiryAndTheNextIsNot() {
        start("l1", "user-1", "d1");
        tokens.rotate("l1", 0, "d1", "d2", LATER.plusSeconds(60));
        tokens.restore("l1", 0, "d1", "d2");
        Login login = tokens.find("l1").orElseThrow();
        assertEquals(Map.of("d1", LATER), login.live());
        assertFalse(login.spent(0, "d1"));
    }

    @Test
    void rotateWhenManyThenTheLoginStaysOneDocumentRememberingTheLastSpentTokens() {
        start("l1", "user-1", "t0");
        for (int i = 0; i < 20; i++) {
            assertTrue(tokens.rotate("l1", i, "t" + i, "t" + (i + 1), LATER).orElseThrow().accepts("t" + i, NOW));
        }
        Login login = tokens.find("l1").orElseThrow();
        assertEquals(Map.of("t20", LATER), login.live());
        assertEquals(RefreshTokens.SPENT_KEPT, login.spent().size());
        for (int i = 12; i < 20; i++) {
            assertTrue(login.spent(i, "t" + i), "t" + i);
        }
        assertFalse(login.spent(11, "t11"), "forgotten: its slot holds t19 now");
    }

    @Test
    void endThenNoTokenOfTheLoginWorksAndOtherLoginsAreUntouched() {
        start("l1", "user-1", "d1");
        start("l2", "user-1", "e1");
        tokens.end("l1", NOW);
        assertFalse(tokens.find("l1").orElseThrow().accepts("d1", NOW));
        assertTrue(tokens.find("l1").orElseThrow().ended());
        assertTrue(tokens.find("l2").orElseThrow().accepts("e1", NOW));
    }

    @Test
    void endUserThenEveryLoginOfTheUserEnds() {
        start("l1", "user-1", "d1");
        start("l2", "user-1", "e1");
        start("l3", "user-2", "f1");
        tokens.endUser("user-1", NOW);
        assertTrue(tokens.find("l1").orElseThrow().ended());
        assertTrue(tokens.find("l2").orElseThrow().ended());
        assertTrue(tokens.find("l3").orElseThrow().accepts("f1", NOW));
    }

    @Test
    void acceptsWhenTheTokenOrTheLoginHasExpiredThenNot() {
        tokens.start(Login.started("l1", "user-1", "alice", 0, NOW, NOW.plus(Duration.ofDays(30)), "d1", NOW.minusSeconds(1), dev.jwtlib.token.Amr.PASSWORD));
        assertFalse(tokens.find("l1").orElseThrow().accepts("d1", NOW));
        tokens.start(Login.started("l2", "user-1", "alice", 0, NOW, NOW.minusSeconds(1), "e1", LATER, dev.jwtlib.token.Amr.PASSWORD));
        assertFalse(tokens.find("l2").orElseThrow().accepts("e1", NOW), "the login itself has ended for good");
    }

    @Test
    void rotateWhenRacedThenExactlyOneSeesTheTokenLive() throws Exception {
        start("race", "user-1", "d1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String next = "n" + i;
                claims.add(() -> tokens.rotate("race", 0, "d1", next, LATER).orElseThrow().accepts("d1", NOW));
            }
            long won = 0;
            for (Future<Boolean> result : pool.invokeAll(claims)) {
                won += result.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }
}
