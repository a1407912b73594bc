package dev.jwtlib.testing;

import dev.jwtlib.account.LoginAttempts;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LoginAttempts} in memory; each operation atomic, as in the store. Nothing expires. */
public final class InMemoryLoginAttempts implements LoginAttempts {

    private final Map<String, Counts> pairs = new ConcurrentHashMap<>();
    private final Map<String, Integer> accounts = new ConcurrentHashMap<>();

    private static String pair(String account, String source) {
        return account + "|" + source;
    }

    @Override
    public int accountFailures(String account) {
        return accounts.getOrDefault(account, 0);
    }

    @Override
    public Counts admit(String account, String source, Instant now, Instant keepUntil) {
        Counts[] before = new Counts[1];
        pairs.compute(pair(account, source), (n, c) -> {
            Counts old = c == null ? Counts.NONE : c;
            before[0] = old;
            return new Counts(old.failures(), old.inflight() + 1, now, old.lastFailedAt());
        });
        return before[0];
    }

    @Override
    public void resetInflight(String account, String source, int inflight) {
        pairs.computeIfPresent(pair(account, source), (n, c) -> new Counts(c.failures(), inflight, c.attemptedAt(), c.lastFailedAt()));
    }

    @Override
    public void succeeded(String account, String source) {
        pairs.computeIfPresent(pair(account, source), (n, c) -> new Counts(0, c.inflight() - 1, c.attemptedAt(), c.lastFailedAt()));
        accounts.computeIfPresent(account, (n, a) -> 0);
    }

    @Override
    public Failures failed(String account, String source, Instant now, Instant keepUntil, boolean known) {
        Counts pair = pairs.computeIfPresent(pair(account, source),
                (n, c) -> new Counts(c.failures() + 1, c.inflight() - 1, c.attemptedAt(), now));
        int total = accounts.merge(account, 1, Integer::sum);
        return new Failures(pair == null ? 0 : pair.failures(), total);
    }

    @Override
    public void release(String account, String source) {
        pairs.computeIfPresent(pair(account, source), (n, c) -> new Counts(c.failures(), c.inflight() - 1, c.attemptedAt(), c.lastFailedAt()));
    }

    @Override
    public void unlock(String account) {
        pairs.keySet().removeIf(key -> key.startsWith(account + "|"));
        accounts.remove(account);
    }

    public Counts counts(String account, String source) {
        return pairs.getOrDefault(pair(account, source), Counts.NONE);
    }
}
