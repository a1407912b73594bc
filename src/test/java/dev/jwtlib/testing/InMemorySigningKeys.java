package dev.jwtlib.testing;

import dev.jwtlib.token.SigningKeys;
import dev.jwtlib.token.StoredSigningKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link SigningKeys} in memory, counting reads so that tests can see when the ring goes to the store. */
public final class InMemorySigningKeys implements SigningKeys {

    private final Map<String, StoredSigningKey> keys = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public List<StoredSigningKey> all(String alg) {
        reads.incrementAndGet();
        return keys.values().stream().filter(k -> k.alg().equals(alg)).toList();
    }

    @Override
    public boolean add(StoredSigningKey key) {
        return keys.putIfAbsent(key.kid(), key) == null;
    }

    @Override
    public void replace(StoredSigningKey key) {
        keys.put(key.kid(), key);
    }

    @Override
    public void remove(String kid) {
        keys.remove(kid);
    }

    public int reads() {
        return reads.get();
    }

    public int size() {
        return keys.size();
    }

    /** The keys as stored (encrypted private parts), for tests that look at what a store reader sees. */
    public java.util.Collection<StoredSigningKey> stored() {
        return keys.values();
    }
}
