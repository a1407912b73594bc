package dev.jwtlib.mechanism;

import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.verify.VerifiedToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Validates bearer access tokens with the {@link AccessTokenCheck} of the configured
 * {@link Mode}; the token's {@code groups} become the caller's groups.
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(TokenIdentityStore.class.getName());

    @Inject
    Config config;
    @Inject
    @Any
    Instance<AccessTokenCheck> checks;

    private AccessTokenCheck check;

    @PostConstruct
    void init() {
        check = select(Mode.from(config), checks);
    }

    /**
     * The check for {@code mode}.
     *
     * @throws IllegalStateException when this application has no check for that mode (the issuer
     *                               mode outside the jwtlib service)
     */
    static AccessTokenCheck select(Mode mode, Instance<AccessTokenCheck> checks) {
        Instance<AccessTokenCheck> selected = checks.select(ForMode.Literal.of(mode));
        if (selected.isUnsatisfied()) {
            throw new IllegalStateException("Configuration " + Mode.KEY + "=" + mode.configValue()
                    + " is only for the jwtlib auth service itself; an application that accepts its tokens sets "
                    + Mode.KEY + "=jwks or " + Mode.KEY + "=introspect (see README, \"Protect your own application\").");
        }
        return selected.get();
    }

    /**
     * Dispatches to the typed overload without the API's reflective default, whose method cache
     * outlives a redeployment on Liberty and then fails for the new application's classes.
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        return credential instanceof BearerTokenCredential typed ? validate(typed) : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /**
     * @throws dev.jwtlib.error.AuthServiceUnavailable when the token cannot be checked now
     */
    public CredentialValidationResult validate(BearerTokenCredential credential) {
        try {
            VerifiedToken token = check.verify(credential.token());
            return new CredentialValidationResult(new TokenPrincipal(token), token.groups());
        } catch (InvalidToken e) {
            LOG.log(Level.FINE, "jwtlib: bearer token refused: {0}", e.getMessage());
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
