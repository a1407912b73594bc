package dev.jwtlib;

import dev.jwtlib.lifecycle.LifecycleSettings;
import dev.jwtlib.mfa.MfaSettings;
import dev.jwtlib.mail.Outbox;
import dev.jwtlib.mechanism.Mode;
import dev.jwtlib.password.PasswordHasher;
import dev.jwtlib.session.SessionSettings;
import dev.jwtlib.store.MongoStore;
import dev.jwtlib.token.KeyRing;
import dev.jwtlib.verify.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Opens the store, loads the keys and the password hasher when the application starts, so that
 * a misconfiguration fails the deployment with a clear message instead of the first request,
 * and says in the log what is in use.
 */
@ApplicationScoped
class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    Config config;
    @Inject
    MongoStore store;
    @Inject
    KeyRing keys;
    @Inject
    PasswordHasher hasher;
    @Inject
    TokenSettings tokenSettings;
    @Inject
    SessionSettings sessionSettings;
    @Inject
    Outbox outbox;
    @Inject
    LifecycleSettings lifecycle;
    @Inject
    MfaSettings mfa;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Mode mode = Mode.from(config);
        if (mode != Mode.ISSUER) {
            throw new IllegalStateException("Configuration " + Mode.KEY + "=" + mode.configValue()
                    + " is for applications that accept the auth service's tokens; the jwtlib auth service itself runs with "
                    + Mode.KEY + "=issuer (the default).");
        }
        store.isReachable();
        keys.describe();
        String passwords = hasher.parameters();
        if (outbox.toLogOnly()) {
            LOG.warning(() -> "jwtlib: mail: " + outbox.describe() + ". DEVELOPMENT ONLY: anyone who reads this log can"
                    + " verify addresses and reset passwords.");
        } else {
            LOG.info(() -> "jwtlib: mail: " + outbox.describe());
        }
        LOG.info(() -> "jwtlib: verified email " + (lifecycle.requireVerifiedEmail() ? "required at login" : "not required at login")
                + " (verification codes work " + lifecycle.verifyTtl() + ", reset codes " + lifecycle.resetTtl() + "; links to "
                + lifecycle.verifyLink().map(l -> "your pages").orElse("no page: the mails carry the code only") + ")");
        LOG.info(() -> "jwtlib: second factor (TOTP) " + (mfa.requiredRoles().isEmpty() ? "optional for every user"
                : "required for roles " + String.join(", ", mfa.requiredRoles().stream().sorted().toList()))
                + "; authenticator apps show it as '" + mfa.issuerName() + "'");
        boolean configuredIssuer = config.getOptionalValue(TokenSettings.ISSUER, String.class).isPresent();
        LOG.info(() -> "jwtlib: ready at " + tokenSettings.issuer() + "; passwords hashed with " + passwords
                + "; issuer '" + tokenSettings.issuer() + "'"
                + (configuredIssuer ? "" : " (the default: behind a proxy or with several instances set jwtlib.issuer to the public URL)")
                + ", audience " + tokenSettings.audience().map(a -> "'" + a + "'").orElse("not checked")
                + ", access tokens " + tokenSettings.ttl() + ", refresh tokens " + sessionSettings.refreshTtl()
                + ", logins at most " + sessionSettings.maxLifetime()
                + "; metadata at /.well-known/oauth-authorization-server, JWKS at /.well-known/jwks.json");
    }
}
