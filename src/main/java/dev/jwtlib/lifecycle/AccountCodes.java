package dev.jwtlib.lifecycle;

import java.time.Instant;
import java.util.Optional;

/**
 * The one-time codes sent by mail, kept only as digests: at most one works per user and
 * purpose (the newest), each once, until it expires. The store removes expired ones.
 */
public interface AccountCodes {

    /** What a code is for. */
    enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD,
        /** The {@code mfa_token} of a login waiting for its second factor (the newest login attempt only). */
        MFA_LOGIN
    }

    /** A code taken out of the store: whose it was and until when it worked. */
    record Redeemed(String userId, Instant expiresAt) {
    }

    /** Stores a new code for the user and purpose; every earlier one of that purpose stops working. */
    void issue(String userId, Purpose purpose, String digest, Instant expiresAt);

    /**
     * Takes the code with this digest out, in one atomic step, so that it works once: its user,
     * when it is of this purpose and still the newest of its user and purpose; empty otherwise.
     * The caller checks the expiry.
     */
    Optional<Redeemed> redeem(Purpose purpose, String digest);

    /** As {@link #redeem}, without taking the code out: to check a request before the code is spent. */
    Optional<Redeemed> find(Purpose purpose, String digest);
}
