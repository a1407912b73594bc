package dev.jwtlib.token;

import com.mongodb.MongoException;
import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.mechanism.AccessTokenCheck;
import dev.jwtlib.mechanism.ForMode;
import dev.jwtlib.mechanism.Mode;
import dev.jwtlib.verify.CachingTokenVerifier;
import dev.jwtlib.verify.TokenSettings;
import dev.jwtlib.verify.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The hot path of the auth service: turns a presented access token into its verified claims. A
 * token verified before comes from an in-memory cache (keyed by its digest, never past its
 * expiry); every call checks the in-memory revocation list. Neither touches the store.
 */
@ApplicationScoped
@Default
@ForMode(Mode.ISSUER)
public class AccessTokens implements AccessTokenCheck {

    private RevocationList revocations;
    private CachingTokenVerifier verifier;

    @Inject
    public AccessTokens(KeyRing keys, TokenSettings settings, RevocationList revocations, Clock clock) {
        this.revocations = revocations;
        this.verifier = new CachingTokenVerifier(settings, keys::verificationKey, clock);
    }

    /** For the CDI proxy only. */
    AccessTokens() {
    }

    /**
     * @throws InvalidToken           when the token is malformed, refused or revoked
     * @throws AuthServiceUnavailable when an unknown key id sends the ring to a store it cannot reach
     */
    @Override
    public VerifiedToken verify(String token) {
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (MongoException e) {
            throw new AuthServiceUnavailable("The token store cannot be reached; try again shortly.", e);
        }
        if (revocations.isRevoked(verified)) {
            throw InvalidToken.rejected("The token has been revoked.");
        }
        return verified;
    }

    @Override
    public String describe() {
        return "issuer: tokens verified with the keys in the store, revocations checked in memory";
    }
}
