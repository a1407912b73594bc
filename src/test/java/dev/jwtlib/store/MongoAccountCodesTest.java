package dev.jwtlib.store;

import dev.jwtlib.lifecycle.AccountCodes;
import dev.jwtlib.lifecycle.AccountCodesContract;
import org.junit.jupiter.api.AfterEach;

class MongoAccountCodesTest extends AccountCodesContract {

    private final InMemoryMongo mongo = new InMemoryMongo();

    @Override
    protected AccountCodes newStore() {
        MongoAccountCodes store = new MongoAccountCodes();
        store.database = mongo.database();
        store.open();
        return store;
    }

    @AfterEach
    void stop() {
        mongo.close();
    }
}
