package dev.jwtlib.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.testing.InMemoryRevocations;
import dev.jwtlib.testing.MutableClock;
import dev.jwtlib.verify.TokenSettings;
import dev.jwtlib.verify.VerifiedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two revocation lists over one store are two instances over one MongoDB; the clock is the test's. */
class RevocationListTest {

    private static final Duration TTL = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock();
    private final InMemoryRevocations store = new InMemoryRevocations();
    private final RevocationList here = list();
    private final RevocationList there = list();

    private RevocationList list() {
        RevocationList list = new RevocationList(store, new SecurityEvents(clock), clock);
        list.load();
        return list;
    }

    private VerifiedToken token(String jti, String sid, String user, Instant issuedAt) {
        return new VerifiedToken(user, "alice", Set.of("user"), "iss", issuedAt, issuedAt.plus(TTL), jti, sid);
    }

    private VerifiedToken token(String jti) {
        return token(jti, "s-" + jti, "u-1", clock.instant());
    }

    @Test
    void revokeTokenThenRevokedHereAtOnceAndThereAfterThePollInterval() {
        VerifiedToken token = token("j-1");
        here.revokeToken(token.jti(), token.expiresAt());
        assertTrue(here.isRevoked(token));
        assertFalse(there.isRevoked(token), "the other instance has not read the store yet");
        clock.advance(RevocationList.POLL_INTERVAL);
        assertTrue(there.isRevoked(token));
        assertFalse(there.isRevoked(token("j-2")));
    }

    @Test
    void revokeSessionThenEveryTokenOfThatLoginIsRevoked() {
        VerifiedToken first = token("j-1", "s-1", "u-1", clock.instant());
        VerifiedToken second = token("j-2", "s-1", "u-1", clock.instant().plusSeconds(60));
        VerifiedToken otherLogin = token("j-3", "s-2", "u-1", clock.instant());
        here.revokeSession("s-1", clock.instant().plus(Duration.ofDays(14)));
        assertTrue(here.isRevoked(first));
        assertTrue(here.isRevoked(second));
        assertFalse(here.isRevoked(otherLogin));
        assertTrue(here.sessionEnded("s-1"));
    }

    @Test
    void revokeUserThenTokensIssuedUpToThatSecondAreRevokedAndLaterOnesNot() {
        clock.advance(Duration.ofMillis(400));
        Instant second = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        VerifiedToken before = token("j-1", "s-1", "u-1", second);
        here.revokeUser("u-1", TTL);
        assertTrue(here.isRevoked(before), "a token of the revocation's own second counts as before it");
        Instant next = here.earliestIssueTime("u-1", clock.instant());
        assertEquals(second.plusSeconds(1), next, "a new token must not be caught by the revocation");
        assertFalse(here.isRevoked(token("j-2", "s-2", "u-1", next)));
        assertFalse(here.isRevoked(token("j-3", "s-3", "u-2", second)), "another user");
    }

    @Test
    void userEndedSinceThenTrueOnlyForWhatWasCachedBeforeTheEnd() {
        Instant cachedAt = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        here.revokeUser("u-1", TTL);
        assertTrue(here.userEndedSince("u-1", cachedAt));
        assertFalse(here.userEndedSince("u-1", clock.instant().plusSeconds(1)));
        assertFalse(here.userEndedSince("u-2", cachedAt));
    }

    @Test
    void isRevokedWhenTheStoreIsDownThenTheLastKnownListStillAnswers() {
        VerifiedToken token = token("j-1");
        there.revokeToken(token.jti(), token.expiresAt());
        clock.advance(RevocationList.POLL_INTERVAL);
        assertTrue(here.isRevoked(token));
        store.down(true);
        clock.advance(RevocationList.POLL_INTERVAL);
        assertTrue(here.isRevoked(token), "kept while the store cannot be read");
        assertFalse(here.isRevoked(token("j-2")));
        store.down(false);
    }

    @Test
    void loadWhenStartingThenSeesWhatOtherInstancesRecordedEarlier() {
        VerifiedToken token = token("j-1");
        here.revokeToken(token.jti(), token.expiresAt());
        clock.advance(Duration.ofMinutes(3));
        assertTrue(list().isRevoked(token), "a new instance reads every unexpired revocation at start-up");
    }

    @Test
    void isRevokedWhenTheTokenCanNoLongerBeValidThenForgotten() {
        VerifiedToken token = token("j-1");
        here.revokeToken(token.jti(), token.expiresAt());
        clock.advance(TTL.plus(TokenSettings.CLOCK_SKEW).plus(TokenSettings.CLOCK_SKEW).plusSeconds(1));
        assertFalse(here.isRevoked(token), "past its expiry the verifier refuses it anyway; the entry is gone");
        assertEquals(0, store.recordedSince(Instant.EPOCH, clock.instant()).size());
    }
}
