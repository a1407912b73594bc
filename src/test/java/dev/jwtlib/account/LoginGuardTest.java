package dev.jwtlib.account;

import dev.jwtlib.testing.InMemoryLoginAttempts;

class LoginGuardTest extends LoginGuardContract {

    @Override
    protected LoginAttempts newStore() {
        return new InMemoryLoginAttempts();
    }
}
