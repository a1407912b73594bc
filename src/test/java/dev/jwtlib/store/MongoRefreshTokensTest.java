package dev.jwtlib.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.session.RefreshTokens;
import dev.jwtlib.session.RefreshTokensContract;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoRefreshTokensTest extends RefreshTokensContract {

    private final InMemoryMongo mongo = new InMemoryMongo();

    @Override
    protected RefreshTokens newStore() {
        MongoRefreshTokens store = new MongoRefreshTokens();
        store.database = mongo.database();
        store.open();
        return store;
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void openCreatesTheIndexesThatEndingAUserAndRemovingOldLoginsNeed() {
        List<Object> keys = new ArrayList<>();
        mongo.database().getCollection("refresh_tokens").listIndexes().forEach(index -> keys.add(index.get("key")));
        assertTrue(keys.contains(new Document("user_id", 1)), "indexes: " + keys);
        assertTrue(keys.contains(new Document("ends_at", 1)), "indexes: " + keys);
    }
}
