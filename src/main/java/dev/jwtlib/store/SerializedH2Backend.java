package dev.jwtlib.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with one command at a time. The backend does not make a
 * {@code findAndModify} atomic against concurrent connections as MongoDB does, and jwtlib relies
 * on that atomicity (single-use refresh tokens, login attempt counts); serialising commands
 * restores it. Fine for the embedded store's purpose: development, tests, a single small node.
 */
public final class SerializedH2Backend extends H2Backend {

    public SerializedH2Backend(String fileName) {
        super(fileName);
    }

    public SerializedH2Backend(MVStore store) {
        super(store);
    }

    /** An in-memory store, for tests. */
    public static SerializedH2Backend inMemory() {
        return new SerializedH2Backend(new MVStore.Builder().open());
    }

    /** Every command of the MongoDB driver (OP_MSG) comes through here. */
    @Override
    public synchronized Document handleMessage(MongoMessage message) {
        return super.handleMessage(message);
    }

    @Override
    public synchronized Document handleCommand(Channel channel, String database, String command, Document query) {
        return super.handleCommand(channel, database, command, query);
    }
}
