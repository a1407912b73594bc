package dev.jwtlib.testing;

import dev.jwtlib.lifecycle.AccountCodes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link AccountCodes} in memory: one newest code per user and purpose, each taken out once. */
public final class InMemoryAccountCodes implements AccountCodes {

    private record Code(String userId, Purpose purpose, Instant expiresAt) {
    }

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, String> newest = new ConcurrentHashMap<>();

    @Override
    public void issue(String userId, Purpose purpose, String digest, Instant expiresAt) {
        codes.put(digest, new Code(userId, purpose, expiresAt));
        newest.put(purpose + ":" + userId, digest);
    }

    @Override
    public Optional<Redeemed> redeem(Purpose purpose, String digest) {
        return check(codes.remove(digest), purpose, digest);
    }

    @Override
    public Optional<Redeemed> find(Purpose purpose, String digest) {
        return check(codes.get(digest), purpose, digest);
    }

    private Optional<Redeemed> check(Code code, Purpose purpose, String digest) {
        if (code == null || code.purpose() != purpose || !digest.equals(newest.get(purpose + ":" + code.userId()))) {
            return Optional.empty();
        }
        return Optional.of(new Redeemed(code.userId(), code.expiresAt()));
    }
}
