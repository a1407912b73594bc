package dev.jwtlib.token;

import java.time.Instant;
import java.util.List;

/** The ended tokens, logins and users every instance must know of. */
public interface Revocations {

    /** Records a revocation, replacing an earlier one of the same kind and value. */
    void put(Revocation revocation);

    /** Those recorded at or after {@code since} that have not expired at {@code now}. */
    List<Revocation> recordedSince(Instant since, Instant now);
}
