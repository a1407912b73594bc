package dev.jwtlib.mechanism;

import com.mongodb.MongoException;
import dev.jwtlib.account.AccountService;
import dev.jwtlib.error.AuthServiceUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Validates a username and password against the user store with the platform's
 * {@code Pbkdf2PasswordHash}; used for HTTP Basic by service clients. Unknown users cost one
 * dummy hash verification, like a wrong password.
 */
@ApplicationScoped
public class PasswordIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    /**
     * Dispatches to the typed overload without the API's reflective default, whose method cache
     * outlives a redeployment on Liberty and then fails for the new application's classes.
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        return credential instanceof UsernamePasswordCredential typed ? validate(typed) : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        try {
            return accounts.authenticateClient(credential.getCaller(), credential.getPasswordAsString())
                    .map(user -> new CredentialValidationResult(user.username(), user.roleSet()))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (MongoException e) {
            throw new AuthServiceUnavailable("The user store cannot be reached; try again shortly.", e);
        }
    }
}
