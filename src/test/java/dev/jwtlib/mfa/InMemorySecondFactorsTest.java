package dev.jwtlib.mfa;

import dev.jwtlib.account.User;
import dev.jwtlib.testing.InMemorySecondFactors;
import dev.jwtlib.testing.InMemoryUsers;
import java.util.List;

class InMemorySecondFactorsTest extends SecondFactorsContract {

    private final InMemoryUsers users = new InMemoryUsers();

    @Override
    protected SecondFactors newStore() {
        for (String id : List.of("u1", "u2")) {
            users.insert(new User(id, id, id + "@example.com", id + "@example.com", "h", List.of("user"), true, 0, 0, 0L,
                    false, false));
        }
        return new InMemorySecondFactors(users);
    }

    @Override
    protected boolean mfaEnabled(String userId) {
        return users.byId(userId).orElseThrow().mfaEnabled();
    }
}
