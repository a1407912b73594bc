package dev.jwtlib.lifecycle;

import dev.jwtlib.testing.InMemoryAccountCodes;

class InMemoryAccountCodesTest extends AccountCodesContract {

    @Override
    protected AccountCodes newStore() {
        return new InMemoryAccountCodes();
    }
}
