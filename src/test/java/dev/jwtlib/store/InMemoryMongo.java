package dev.jwtlib.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;

/** A MongoDB-wire server in memory (the embedded store's own backend) and the real driver connected to it. */
final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(SerializedH2Backend.inMemory());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());

    MongoDatabase database() {
        return client.getDatabase("jwtlib-test");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
