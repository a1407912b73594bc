package dev.jwtlib.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with one command at a time, each write committed before it is
 * answered.
 * <ul>
 *   <li>The backend does not make a {@code findAndModify} atomic against concurrent connections
 *       as MongoDB does, and jwtlib relies on that atomicity (single-use refresh tokens, login
 *       attempt counts); serialising commands restores it.</li>
 *   <li>H2's MVStore commits on a timer (about once a second): a write the driver saw
 *       acknowledged could be lost when the process dies (a logout undone, a refresh token usable
 *       twice). Committing after every command that changed something writes it to the file
 *       before the answer: it survives a killed process. Surviving a power loss also needs the
 *       operating system to have flushed the file; for that, use MongoDB with its journal.</li>
 * </ul>
 * Fine for the embedded store's purpose: development, tests, a single small node.
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
        try {
            return super.handleMessage(message);
        } finally {
            commitChanges();
        }
    }

    @Override
    public synchronized Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            commitChanges();
        }
    }

    private void commitChanges() {
        MVStore store = getMvStore();
        if (store.getFileStore() != null && store.hasUnsavedChanges()) {
            store.commit();
        }
    }
}
