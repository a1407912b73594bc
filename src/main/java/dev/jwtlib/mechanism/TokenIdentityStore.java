package dev.jwtlib.mechanism;

import com.mongodb.MongoException;
import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.token.AccessTokens;
import dev.jwtlib.token.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Validates bearer access tokens; the token's {@code groups} become the caller's groups. */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(TokenIdentityStore.class.getName());

    @Inject
    AccessTokens tokens;

    /**
     * Dispatches to the typed overload without the API's reflective default, whose method cache
     * outlives a redeployment on Liberty and then fails for the new application's classes.
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        return credential instanceof BearerTokenCredential typed ? validate(typed) : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    public CredentialValidationResult validate(BearerTokenCredential credential) {
        try {
            VerifiedToken token = tokens.verify(credential.token());
            return new CredentialValidationResult(new TokenPrincipal(token), token.groups());
        } catch (InvalidToken e) {
            LOG.log(Level.FINE, "jwtlib: bearer token refused: {0}", e.getMessage());
            return CredentialValidationResult.INVALID_RESULT;
        } catch (MongoException e) {
            throw new AuthServiceUnavailable("The token store cannot be reached; try again shortly.", e);
        }
    }
}
