package dev.jwtlib.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import java.util.Optional;

/** The one place that recognises MongoDB's duplicate-key error (code 11000), however it is wrapped. */
final class DuplicateKeys {

    private static final int DUPLICATE_KEY = 11000;

    private DuplicateKeys() {
    }

    /** Whether {@code e} or one of its causes is a duplicate-key error. */
    static boolean is(Throwable e) {
        return message(e).isPresent();
    }

    /** The server's message of the duplicate-key error in {@code e} (it names the index), if any. */
    static Optional<String> message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.of(String.valueOf(write.getError().getMessage()));
            }
            if (t instanceof MongoServerException server && server.getCode() == DUPLICATE_KEY) {
                return Optional.of(String.valueOf(server.getMessage()));
            }
        }
        return Optional.empty();
    }
}
