package dev.jwtlib.store;

import dev.jwtlib.mfa.SecondFactors;
import dev.jwtlib.mfa.SecondFactorsContract;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;

class MongoSecondFactorsTest extends SecondFactorsContract {

    private final InMemoryMongo mongo = new InMemoryMongo();

    @Override
    protected SecondFactors newStore() {
        mongo.database().getCollection("users").insertOne(new Document("_id", "u1").append("username", "u1"));
        mongo.database().getCollection("users").insertOne(new Document("_id", "u2").append("username", "u2"));
        MongoSecondFactors store = new MongoSecondFactors();
        store.database = mongo.database();
        store.open();
        return store;
    }

    @Override
    protected boolean mfaEnabled(String userId) {
        Document user = mongo.database().getCollection("users").find(new Document("_id", userId)).first();
        return Boolean.TRUE.equals(user.getBoolean("mfa_enabled"));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }
}
