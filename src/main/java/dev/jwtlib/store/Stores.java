package dev.jwtlib.store;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;

/**
 * How security-critical state is read and written on a replica set. A refresh-token claim, a
 * revocation, a lockout count or a signing key acknowledged by one node alone can be rolled back
 * when that node fails over: a refresh token would then work twice, a logout or a lock would be
 * undone. So these writes wait for a majority of the set ({@link WriteConcern#MAJORITY}), are
 * retried once by the driver after a failover (retryable writes, on in {@link MongoStore}), and
 * the reads that decide on them go to the primary. The client defaults are the same; naming it
 * here per collection keeps it so if those defaults change.
 */
final class Stores {

    private Stores() {
    }

    static <T> MongoCollection<T> critical(MongoCollection<T> collection) {
        return collection.withWriteConcern(WriteConcern.MAJORITY).withReadPreference(ReadPreference.primary());
    }
}
