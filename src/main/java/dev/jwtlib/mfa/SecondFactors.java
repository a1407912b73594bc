package dev.jwtlib.mfa;

import java.util.List;
import java.util.Optional;

/**
 * Where each user's TOTP factor is kept (in the user's own document, so that switching it on or
 * off and the user's {@code mfa_enabled} change together). Every method that spends something is
 * one atomic conditional update, so that parallel requests on any instance cannot use a code twice.
 */
public interface SecondFactors {

    /**
     * A user's factor.
     *
     * @param sealedSecret    the secret, encrypted with the key-encryption key
     * @param active          whether it was confirmed (and so is asked for at login)
     * @param lastStep        the newest TOTP time step accepted so far (codes of it and earlier are refused)
     * @param recoveryDigests the SHA-256 of the recovery codes not used yet
     */
    record Factor(String sealedSecret, boolean active, long lastStep, List<String> recoveryDigests) {
        public Factor {
            recoveryDigests = List.copyOf(recoveryDigests);
        }
    }

    Optional<Factor> find(String userId);

    /** Starts (or restarts) an enrolment with this secret; {@code false} when the user has an active factor or does not exist. */
    boolean begin(String userId, String sealedSecret);

    /**
     * Turns the enrolment with exactly this secret on, with the step of the confirming code as
     * used and these recovery codes; {@code false} when it is not the pending enrolment any more.
     */
    boolean activate(String userId, String sealedSecret, long step, List<String> recoveryDigests);

    /** Marks a TOTP step used; {@code false} when it or a later one was used already (a replay), or no factor is active. */
    boolean useStep(String userId, long step);

    /** Spends a recovery code; {@code false} when it is not one of the user's unused codes. */
    boolean useRecoveryCode(String userId, String digest);

    /** Replaces every recovery code of an active factor; {@code false} when there is none. */
    boolean replaceRecoveryCodes(String userId, List<String> digests);

    /** Removes the factor, active or pending; {@code true} when an active one was removed. */
    boolean remove(String userId);
}
