package dev.jwtlib.token;

import dev.jwtlib.testing.InMemoryRevocations;

/** The in-memory store the other unit tests use behaves as the real one. */
class InMemoryRevocationsTest extends RevocationsContract {

    @Override
    protected Revocations newStore() {
        return new InMemoryRevocations();
    }
}
