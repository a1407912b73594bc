package dev.jwtlib.testing;

import dev.jwtlib.token.Revocation;
import dev.jwtlib.token.Revocations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Revocations} in memory; two revocation lists over one of these behave like two instances over one store. */
public final class InMemoryRevocations implements Revocations {

    private final Map<String, Revocation> entries = new ConcurrentHashMap<>();
    private volatile boolean down;

    @Override
    public void put(Revocation revocation) {
        failIfDown();
        entries.put(revocation.kind() + ":" + revocation.value(), revocation);
    }

    @Override
    public List<Revocation> recordedSince(Instant since, Instant now) {
        failIfDown();
        return entries.values().stream()
                .filter(r -> !r.createdAt().isBefore(since) && r.expiresAt().isAfter(now))
                .toList();
    }

    /** Makes every call fail, as an unreachable store does, until called again with {@code false}. */
    public void down(boolean down) {
        this.down = down;
    }

    public int size() {
        return entries.size();
    }

    private void failIfDown() {
        if (down) {
            throw new IllegalStateException("the store is down");
        }
    }
}
