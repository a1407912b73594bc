package dev.jwtlib.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.account.User;
import dev.jwtlib.account.UserSessions;
import dev.jwtlib.error.UserNotFound;
import dev.jwtlib.testing.Services;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An administrator's changes when ending the user's sessions fails on the way. */
class UserAdministrationTest {

    private final Services service = new Services();
    private final FlakySessions sessions = new FlakySessions();
    private final UserAdministration administration = new UserAdministration();

    UserAdministrationTest() {
        administration.users = service.users;
        administration.sessions = sessions;
        administration.accounts = service.accounts;
        administration.events = service.events;
        administration.clock = service.clock;
    }

    /** Ends nothing, fails when told to, and notes whom it ended. */
    private static final class FlakySessions implements UserSessions {
        int failures;
        final List<String> ended = new ArrayList<>();

        @Override
        public void endAll(User user) {
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("the store failed");
            }
            ended.add(user.username());
        }
    }

    @Test
    void changeWhenEndingTheSessionsFailsThenNothingChangedAndARetryDoesItAll() {
        service.register("alice");
        sessions.failures = 1;
        assertThrows(IllegalStateException.class, () -> administration.change("alice", new UserPatch(false, null), "root"));
        assertTrue(service.users.byUsername("alice").orElseThrow().active(), "not changed while its old tokens live");
        administration.change("alice", new UserPatch(false, null), "root");
        assertFalse(service.users.byUsername("alice").orElseThrow().active());
        assertEquals(List.of("alice", "alice"), sessions.ended, "before the change, and again after it for a racing login");
    }

    @Test
    void deleteWhenEndingTheSessionsFailsThenTheUserIsStillThereToRetry() {
        service.register("bob");
        sessions.failures = 1;
        assertThrows(IllegalStateException.class, () -> administration.delete("bob", "root"));
        assertTrue(service.users.byUsername("bob").isPresent());
        administration.delete("bob", "root");
        assertTrue(service.users.byUsername("bob").isEmpty());
        assertEquals(List.of("bob", "bob"), sessions.ended);
        assertThrows(UserNotFound.class, () -> administration.get("bob"));
    }
}
