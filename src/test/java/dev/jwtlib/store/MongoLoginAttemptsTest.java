package dev.jwtlib.store;

import dev.jwtlib.account.LoginAttempts;
import dev.jwtlib.account.LoginGuardContract;
import org.junit.jupiter.api.AfterEach;

class MongoLoginAttemptsTest extends LoginGuardContract {

    private final InMemoryMongo mongo = new InMemoryMongo();

    @Override
    protected LoginAttempts newStore() {
        MongoLoginAttempts store = new MongoLoginAttempts();
        store.database = mongo.database();
        store.open();
        return store;
    }

    @AfterEach
    void stop() {
        mongo.close();
    }
}
