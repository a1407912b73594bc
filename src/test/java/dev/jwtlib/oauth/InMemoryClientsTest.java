package dev.jwtlib.oauth;

import dev.jwtlib.testing.InMemoryClients;

class InMemoryClientsTest extends ClientsContract {

    @Override
    protected Clients newStore() {
        return new InMemoryClients();
    }
}
