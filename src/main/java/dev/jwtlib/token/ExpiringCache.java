package dev.jwtlib.token;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded in-memory map whose entries each end at their own instant, keyed by a digest
 * (never a token itself). When full, ended entries go first, and if that frees nothing the
 * cache starts over.
 */
public final class ExpiringCache<V> {

    private record Entry<V>(V value, Instant until) {
    }

    private final int capacity;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    public ExpiringCache(int capacity) {
        this.capacity = capacity;
    }

    /** The value still valid at {@code now}, or {@code null}. */
    public V get(String key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /** Keeps {@code value} until {@code until}; nothing when that has passed already. */
    public void put(String key, V value, Instant until, Instant now) {
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, until));
    }

    public int size() {
        return entries.size();
    }
}
