package dev.jwtlib.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshTokens} must do, run against each implementation. */
public abstract class RefreshTokensContract {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private RefreshTokens tokens;

    /** A fresh, empty store of refresh tokens. */
    protected abstract RefreshTokens newStore();

    @BeforeEach
    void open() {
        tokens = newStore();
    }

    private void insert(String digest, String userId, Instant expiresAt) {
        tokens.insert(new RefreshToken(digest, "family-" + digest, userId, "alice", NOW, false, false, expiresAt), NOW);
    }

    @Test
    void markUsedWhenUnusedThenOnceOnly() {
        insert("a", "user-1", NOW.plus(Duration.ofDays(1)));
        RefreshToken before = tokens.markUsed("a", NOW).orElseThrow();
        assertFalse(before.used());
        assertTrue(before.usableAt(NOW));
        assertEquals("family-a", before.family());
        assertEquals("user-1", before.userId());
        assertEquals("alice", before.username(), "the reuse audit line names the user without reading them");
        assertEquals(NOW, before.familyStart());
        RefreshToken again = tokens.markUsed("a", NOW).orElseThrow();
        assertTrue(again.used(), "a second claim of the same token sees it used");
        assertFalse(again.ended());
        assertTrue(tokens.find("a").orElseThrow().used());
    }

    @Test
    void markUsedWhenUnknownThenNothing() {
        assertTrue(tokens.markUsed("unknown", NOW).isEmpty());
        assertTrue(tokens.find("unknown").isEmpty());
    }

    @Test
    void endFamilyThenItsUnusedTokensAreEndedAndOthersUntouched() {
        insert("ended", "user-1", NOW.plus(Duration.ofDays(1)));
        insert("other", "user-1", NOW.plus(Duration.ofDays(1)));
        tokens.endFamily("family-ended", NOW);
        RefreshToken ended = tokens.find("ended").orElseThrow();
        assertTrue(ended.used() && ended.ended());
        assertFalse(ended.usableAt(NOW));
        assertTrue(tokens.find("other").orElseThrow().usableAt(NOW));
    }

    @Test
    void endUserThenEveryUnusedTokenOfTheUserIsEnded() {
        insert("one", "user-1", NOW.plus(Duration.ofDays(1)));
        insert("two", "user-1", NOW.plus(Duration.ofDays(1)));
        insert("bob", "user-2", NOW.plus(Duration.ofDays(1)));
        tokens.markUsed("two", NOW);
        tokens.endUser("user-1", NOW);
        assertTrue(tokens.find("one").orElseThrow().ended());
        assertFalse(tokens.find("two").orElseThrow().ended(), "a token exchanged before stays a used one (reuse detection)");
        assertTrue(tokens.find("bob").orElseThrow().usableAt(NOW));
    }

    @Test
    void usableAtWhenExpiredThenNot() {
        insert("old", "user-1", NOW.minusSeconds(1));
        assertFalse(tokens.markUsed("old", NOW).orElseThrow().usableAt(NOW));
    }

    @Test
    void markUsedWhenRacedThenExactlyOneSeesItUnused() throws Exception {
        insert("race", "user-1", NOW.plus(Duration.ofDays(1)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> tokens.markUsed("race", NOW).map(before -> !before.used()).orElse(false));
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
