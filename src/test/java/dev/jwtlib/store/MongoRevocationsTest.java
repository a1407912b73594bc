package dev.jwtlib.store;

import dev.jwtlib.token.Revocations;
import dev.jwtlib.token.RevocationsContract;
import org.junit.jupiter.api.AfterEach;

class MongoRevocationsTest extends RevocationsContract {

    private final InMemoryMongo mongo = new InMemoryMongo();

    @Override
    protected Revocations newStore() {
        MongoRevocations store = new MongoRevocations();
        store.database = mongo.database();
        store.open();
        return store;
    }

    @AfterEach
    void stop() {
        mongo.close();
    }
}
