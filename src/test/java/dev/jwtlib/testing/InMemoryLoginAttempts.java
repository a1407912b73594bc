package dev.jwtlib.testing;

import dev.jwtlib.account.LoginAttempts;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LoginAttempts} in memory; each operation atomic, as in the store. */
public final class InMemoryLoginAttempts implements LoginAttempts {

    private final Map<String, Counts> counts = new ConcurrentHashMap<>();

    @Override
    public Counts admit(String name, Instant now, Instant keepUntil) {
        Counts[] before = new Counts[1];
        counts.compute(name, (n, c) -> {
            Counts old = c == null ? Counts.NONE : c;
            before[0] = old;
            return new Counts(old.failures(), old.inflight() + 1, now, old.lockedUntil());
        });
        return before[0];
    }

    @Override
    public void resetInflight(String name, int inflight) {
        counts.computeIfPresent(name, (n, c) -> new Counts(c.failures(), inflight, c.attemptedAt(), c.lockedUntil()));
    }

    @Override
    public void succeeded(String name) {
        counts.computeIfPresent(name, (n, c) -> new Counts(0, c.inflight() - 1, c.attemptedAt(), c.lockedUntil()));
    }

    @Override
    public int failed(String name) {
        Counts after = counts.computeIfPresent(name,
                (n, c) -> new Counts(c.failures() + 1, c.inflight() - 1, c.attemptedAt(), c.lockedUntil()));
        return after == null ? 0 : after.failures();
    }

    @Override
    public boolean lockIfAtLeast(String name, int limit, Instant until, Instant keepUntil) {
        boolean[] locked = new boolean[1];
        counts.computeIfPresent(name, (n, c) -> {
            if (c.failures() < limit) {
                return c;
            }
            locked[0] = true;
            return new Counts(0, c.inflight(), c.attemptedAt(), until);
        });
        return locked[0];
    }

    @Override
    public void release(String name) {
        counts.computeIfPresent(name, (n, c) -> new Counts(c.failures(), c.inflight() - 1, c.attemptedAt(), c.lockedUntil()));
    }

    public Counts counts(String name) {
        return counts.getOrDefault(name, Counts.NONE);
    }
}
