package dev.jwtlib.testing;

import dev.jwtlib.mfa.SecondFactors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SecondFactors} in memory, keeping the users' {@code mfa_enabled} in step as the store does. */
public final class InMemorySecondFactors implements SecondFactors {

    private final InMemoryUsers users;
    private final Map<String, Factor> factors = new HashMap<>();

    public InMemorySecondFactors(InMemoryUsers users) {
        this.users = users;
    }

    @Override
    public synchronized Optional<Factor> find(String userId) {
        return Optional.ofNullable(factors.get(userId));
    }

    @Override
    public synchronized boolean begin(String userId, String sealedSecret) {
        Factor current = factors.get(userId);
        if (users.byId(userId).isEmpty() || current != null && current.active()) {
            return false;
        }
        factors.put(userId, new Factor(sealedSecret, false, Long.MIN_VALUE, List.of()));
        return true;
    }

    @Override
    public synchronized boolean activate(String userId, String sealedSecret, long step, List<String> recoveryDigests) {
        Factor current = factors.get(userId);
        if (current == null || current.active() || !current.sealedSecret().equals(sealedSecret)) {
            return false;
        }
        factors.put(userId, new Factor(sealedSecret, true, step, recoveryDigests));
        users.mfaEnabled(userId, true);
        return true;
    }

    @Override
    public synchronized boolean useStep(String userId, long step) {
        Factor current = factors.get(userId);
        if (current == null || !current.active() || current.lastStep() >= step) {
            return false;
        }
        factors.put(userId, new Factor(current.sealedSecret(), true, step, current.recoveryDigests()));
        return true;
    }

    @Override
    public synchronized boolean useRecoveryCode(String userId, String digest) {
        Factor current = factors.get(userId);
        if (current == null || !current.active() || !current.recoveryDigests().contains(digest)) {
            return false;
        }
        List<String> left = new ArrayList<>(current.recoveryDigests());
        left.remove(digest);
        factors.put(userId, new Factor(current.sealedSecret(), true, current.lastStep(), left));
        return true;
    }

    @Override
    public synchronized boolean replaceRecoveryCodes(String userId, List<String> digests) {
        Factor current = factors.get(userId);
        if (current == null || !current.active()) {
            return false;
        }
        factors.put(userId, new Factor(current.sealedSecret(), true, current.lastStep(), digests));
        return true;
    }

    @Override
    public synchronized boolean remove(String userId) {
        Factor removed = factors.remove(userId);
        users.mfaEnabled(userId, false);
        return removed != null && removed.active();
    }
}
