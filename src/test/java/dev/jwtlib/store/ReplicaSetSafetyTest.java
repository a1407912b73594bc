package dev.jwtlib.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The security-critical collections are written with majority write concern and read from the
 * primary, and the client retries writes once after a failover (see {@link Stores}): a refresh
 * claim, a revocation, a lockout count or a user change acknowledged by one node alone could be
 * rolled back at a failover.
 */
class ReplicaSetSafetyTest {

    @Test
    void criticalCollectionsThenMajorityWritesAndPrimaryReads() {
        try (InMemoryMongo mongo = new InMemoryMongo()) {
            MongoRefreshTokens refresh = new MongoRefreshTokens();
            refresh.database = mongo.database();
            refresh.open();
            MongoRevocations revocations = new MongoRevocations();
            revocations.database = mongo.database();
            revocations.open();
            MongoLoginAttempts attempts = new MongoLoginAttempts();
            attempts.database = mongo.database();
            attempts.open();
            for (MongoCollection<Document> collection : List.of(refresh.collection, revocations.collection, attempts.attempts)) {
                assertEquals(WriteConcern.MAJORITY, collection.getWriteConcern(), collection.getNamespace().toString());
                assertEquals(ReadPreference.primary(), collection.getReadPreference(), collection.getNamespace().toString());
            }
        }
    }

    @Test
    void theClientThenMajorityWritesPrimaryReadsAndRetryableWritesForEverythingJnosqlDoesToo() {
        MongoServer server = new MongoServer(SerializedH2Backend.inMemory());
        String url = server.bindAndGetConnectionString();
        MongoStore store = new MongoStore();
        store.settings = new StoreSettings(Optional.of(url + "/?w=1&readPreference=secondaryPreferred&retryWrites=false"),
                "jwtlib-test", Path.of("unused.mv"), 0);
        try {
            store.open();
            assertEquals(WriteConcern.MAJORITY, store.database().getWriteConcern(), "a w=1 in the URL is overridden");
            assertEquals(ReadPreference.primary(), store.database().getReadPreference());
            assertTrue(store.retryWrites());
        } finally {
            store.close();
            server.shutdownNow();
        }
    }
}
