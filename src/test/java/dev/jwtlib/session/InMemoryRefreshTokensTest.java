package dev.jwtlib.session;

import dev.jwtlib.testing.InMemoryRefreshTokens;

/** The in-memory store the other unit tests use behaves as the real one. */
class InMemoryRefreshTokensTest extends RefreshTokensContract {

    @Override
    protected RefreshTokens newStore() {
        return new InMemoryRefreshTokens();
    }
}
