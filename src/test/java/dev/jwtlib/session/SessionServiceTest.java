package dev.jwtlib.session;

import static dev.jwtlib.testing.Services.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtlib.account.User;
import dev.jwtlib.account.UserUpdate;
import dev.jwtlib.error.BadCredentials;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.error.TooManyFailures;
import dev.jwtlib.testing.Services;
import dev.jwtlib.verify.VerifiedToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Logins, refresh and logout over in-memory stores, real keys and a clock the test moves. */
class SessionServiceTest {

    private final Services service = new Services();
    private final SessionService sessions = service.sessions;
    private final User alice = service.register("alice");

    @Test
    void loginWhenTheRightPasswordThenAnAccessTokenOfTheUserAndARefreshTokenOfTheLogin() {
        LoginResponse pair = (LoginResponse) sessions.login("Alice", PASSWORD, Services.SOURCE);
        VerifiedToken access = service.accessTokens.verify(pair.accessToken());
        assertEquals(alice.id(), access.subject());
        assertEquals("alice", access.username());
        assertEquals(Set.of("user"), access.groups());
        assertEquals("Bearer", pair.tokenType());
        assertEquals(900, pair.expiresIn());
        assertEquals(access.sessionId(), RefreshToken.parse(pair.refreshToken()).orElseThrow().login(),
                "the refresh token names the login its access tokens carry as sid");
        assertEquals("alice", pair.user().username());
    }

    @Test
    void loginWhenWrongPasswordUnknownUserOrInactiveUserThenOneAndTheSameRefusal() {
        assertThrows(BadCredentials.class, () -> sessions.login("alice", PASSWORD + "!", Services.SOURCE));
        assertThrows(BadCredentials.class, () -> sessions.login("nobody", PASSWORD, Services.SOURCE));
        service.users.update(alice.id(), new UserUpdate(null, false, null), service.clock.instant());
        assertThrows(BadCredentials.class, () -> sessions.login("alice", PASSWORD, Services.SOURCE));
    }

    @Test
    void loginWhenTooManyFailuresThenLockedEvenForTheRightPassword() {
        for (int i = 0; i < service.loginSettings.maxFailures(); i++) {
            assertThrows(BadCredentials.class, () -> sessions.login("alice", "wrong password " + PASSWORD, Services.SOURCE));
        }
        assertThrows(TooManyFailures.class, () -> sessions.login("alice", PASSWORD, Services.SOURCE));
    }

    @Test
    void refreshThenANewPairOfTheSameLoginAndTheOldRefreshTokenIsSpent() {
        LoginResponse first = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        LoginResponse second = sessions.refresh(first.refreshToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals(service.accessTokens.verify(first.accessToken()).sessionId(),
                service.accessTokens.verify(second.accessToken()).sessionId());
        assertDoesNotThrow(() -> sessions.refresh(second.refreshToken()));
    }

    @Test
    void refreshWhenASpentTokenIsPresentedAgainThenTheWholeLoginEnds() {
        LoginResponse first = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        LoginResponse second = sessions.refresh(first.refreshToken());
        LoginResponse otherLogin = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        assertThrows(InvalidToken.class, () -> sessions.refresh(first.refreshToken()));
        assertThrows(InvalidToken.class, () -> sessions.refresh(second.refreshToken()), "the thief's or the owner's pair");
        assertThrows(InvalidToken.class, () -> service.accessTokens.verify(second.accessToken()));
        assertDoesNotThrow(() -> sessions.refresh(otherLogin.refreshToken()), "another login of the same user lives on");
    }

    @Test
    void refreshWhenRacedThenExactlyOneWins() throws Exception {
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> refreshes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                refreshes.add(() -> {
                    try {
                        sessions.refresh(pair.refreshToken());
                        return true;
                    } catch (InvalidToken e) {
                        return false;
                    }
                });
            }
            long won = 0;
            for (Future<Boolean> result : pool.invokeAll(refreshes)) {
                won += result.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refreshWhenUnknownMalformedOrExpiredThenRefused() {
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        assertThrows(InvalidToken.class, () -> sessions.refresh("no-dot-at-all"));
        assertThrows(InvalidToken.class, () -> sessions.refresh(pair.refreshToken() + "x"));
        service.clock.advance(service.sessionSettings.refreshTtl().plusSeconds(1));
        assertThrows(InvalidToken.class, () -> sessions.refresh(pair.refreshToken()));
    }

    @Test
    void refreshWhenTheUserWasDeactivatedOrGotOtherRolesThenTheCurrentUserDecides() {
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        service.users.update(alice.id(), new UserUpdate(null, null, List.of("admin", "user")), service.clock.instant());
        LoginResponse promoted = sessions.refresh(pair.refreshToken());
        assertEquals(Set.of("admin", "user"), service.accessTokens.verify(promoted.accessToken()).groups());
        service.users.update(alice.id(), new UserUpdate(null, false, null), service.clock.instant());
        assertThrows(InvalidToken.class, () -> sessions.refresh(promoted.refreshToken()));
    }

    @Test
    void logoutThenTheAccessTokenAndTheLoginEndHereAndOnEveryOtherInstanceAtOnce() {
        Services otherInstance = service.sharingStoresWith();
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        sessions.logout(Optional.of(pair.accessToken()), Optional.of(pair.refreshToken()));
        assertThrows(InvalidToken.class, () -> service.accessTokens.verify(pair.accessToken()));
        assertThrows(InvalidToken.class, () -> otherInstance.sessions.refresh(pair.refreshToken()),
                "the store's claim refuses it before the other instance polls the revocations");
    }

    @Test
    void logoutWhenTokensAreBadOrMissingThenNothingHappensAndNothingFails() {
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        assertDoesNotThrow(() -> sessions.logout(Optional.of("not.a.token"), Optional.of("not-a-refresh-token")));
        assertDoesNotThrow(() -> sessions.logout(Optional.empty(), Optional.empty()));
        assertDoesNotThrow(() -> service.accessTokens.verify(pair.accessToken()));
        assertDoesNotThrow(() -> sessions.refresh(pair.refreshToken()));
    }

    @Test
    void refreshWhenTheLoginIsOlderThanItsMaxLifetimeThenRefusedHoweverOftenItWasRefreshed() {
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        for (int day = 13; day < 30; day += 13) {
            service.clock.advance(Duration.ofDays(13));
            pair = sessions.refresh(pair.refreshToken());
        }
        service.clock.advance(Duration.ofDays(5));
        LoginResponse last = pair;
        assertThrows(InvalidToken.class, () -> sessions.refresh(last.refreshToken()), "31 days after the login");
    }

    @Test
    void refreshWhenAMadeUpTokenNamesARealLoginThenRefusedAndTheLoginLivesOn() {
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        String login = RefreshToken.parse(pair.refreshToken()).orElseThrow().login();
        for (String madeUp : List.of(login + ".0.made-up-secret", login + ".1.made-up-secret", login + ".made-up-secret")) {
            assertThrows(InvalidToken.class, () -> sessions.refresh(madeUp));
            assertThrows(InvalidToken.class, () -> sessions.refresh(madeUp), "again: still not a reuse");
            sessions.logout(Optional.empty(), Optional.of(madeUp));
        }
        assertDoesNotThrow(() -> sessions.refresh(pair.refreshToken()),
                "knowing a login's id (the sid of its access tokens) is not enough to end it");
    }

    @Test
    void refreshWhenMadeUpTokensOfARealLoginArriveTogetherThenTheLoginLivesOn() throws Exception {
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        String login = RefreshToken.parse(pair.refreshToken()).orElseThrow().login();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> forged = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // the same made-up token many times at once: one of them must not look like a reuse of another
                forged.add(() -> {
                    assertThrows(InvalidToken.class, () -> sessions.refresh(login + ".0.forged"));
                    return true;
                });
            }
            for (Future<Boolean> result : pool.invokeAll(forged)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertDoesNotThrow(() -> sessions.refresh(pair.refreshToken()));
    }

    @Test
    void refreshWhenTheStoreFailsAfterTheTokenWasSpentThenTheSameTokenWorksOnRetry() {
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        service.users.failReads(new IllegalStateException("store down"));
        assertThrows(IllegalStateException.class, () -> sessions.refresh(pair.refreshToken()));
        service.users.failReads(null);
        LoginResponse retried = sessions.refresh(pair.refreshToken());
        assertDoesNotThrow(() -> sessions.refresh(retried.refreshToken()), "and the retry's token is the live one");
    }

    @Test
    void refreshWhenTheUsersSessionsWereEndedAfterTheLoginBeganThenRefusedEvenIfTheLoginWasMissed() {
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        // as when ending the sessions raced the login: the login's document was stored after the
        // logins were ended, so only the user's epoch tells
        service.users.endSessions(alice.id());
        assertThrows(InvalidToken.class, () -> sessions.refresh(pair.refreshToken()));
        LoginResponse later = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        assertDoesNotThrow(() -> sessions.refresh(later.refreshToken()), "a login of the new epoch works");
    }

    @Test
    void refreshWhenAnOldFormatTokenThenRefused() {
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        RefreshToken token = RefreshToken.parse(pair.refreshToken()).orElseThrow();
        assertThrows(InvalidToken.class, () -> sessions.refresh(token.login() + "." + "c2VjcmV0c2VjcmV0"));
        assertDoesNotThrow(() -> sessions.refresh(pair.refreshToken()));
    }

    @Test
    void refreshWhenRefreshedManyTimesThenTheStoreHoldsOneEntryForTheLogin() {
        LoginResponse pair = (LoginResponse) sessions.login("alice", PASSWORD, Services.SOURCE);
        for (int i = 0; i < 30; i++) {
            pair = sessions.refresh(pair.refreshToken());
        }
        assertEquals(1, service.refreshTokens.size());
    }
}
