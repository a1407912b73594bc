package dev.jwtlib.store;

import dev.jwtlib.oauth.Clients;
import dev.jwtlib.oauth.ClientsContract;
import org.junit.jupiter.api.AfterEach;

class MongoOAuthClientsTest extends ClientsContract {

    private final InMemoryMongo mongo = new InMemoryMongo();

    @Override
    protected Clients newStore() {
        MongoOAuthClients store = new MongoOAuthClients();
        store.database = mongo.database();
        store.open();
        return store;
    }

    @AfterEach
    void stop() {
        mongo.close();
    }
}
