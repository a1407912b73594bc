package dev.jwtlib.account;

import com.mongodb.MongoException;
import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.token.RevocationList;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Validates a username and password against the user store with the platform's
 * {@code Pbkdf2PasswordHash}; used for HTTP Basic by service clients. Unknown users cost one
 * dummy hash verification, like a wrong password.
 */
@ApplicationScoped
public class PasswordIdentityStore implements IdentityStore {

    /** How long a checked Basic credential is trusted without a new PBKDF2 check. */
    static final Duration CACHE_TTL = Duration.ofSeconds(60);

    @Inject
    AccountService accounts;
    @Inject
    RevocationList revocations;
    @Inject
    Clock clock;

    private VerifiedCredentials verified;

    @PostConstruct
    void init() {
        verified = new VerifiedCredentials(CACHE_TTL, 10_000, clock);
    }

    /**
     * Dispatches to the typed overload without the API's reflective default, whose method cache
     * outlives a redeployment on Liberty and then fails for the new application's classes.
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        return credential instanceof UsernamePasswordCredential typed ? validate(typed) : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /**
     * A credential checked in the last minute is trusted again unless the user's sessions were
     * ended since (password change, deactivation, role change, deletion).
     */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String caller = credential.getCaller();
        String password = credential.getPasswordAsString();
        Instant now = clock.instant();
        Optional<VerifiedCredentials.Entry> cached = verified.get(caller, password)
                .filter(entry -> !revocations.userEndedSince(entry.userId(), entry.verifiedAt()));
        if (cached.isPresent()) {
            return new CredentialValidationResult(cached.get().username(), cached.get().roles());
        }
        try {
            Optional<User> user = accounts.authenticateClient(caller, password);
            user.ifPresent(u -> verified.put(caller, password,
                    new VerifiedCredentials.Entry(u.id(), u.username(), u.roleSet(), now)));
            return user.map(u -> new CredentialValidationResult(u.username(), u.roleSet()))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (MongoException e) {
            throw new AuthServiceUnavailable("The user store cannot be reached; try again shortly.", e);
        }
    }
}
