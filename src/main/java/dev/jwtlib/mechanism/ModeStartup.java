package dev.jwtlib.mechanism;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Checks {@code jwtlib.mode} and its settings when the application starts, so that a
 * misconfiguration fails the deployment with a message that names the key, and says in the log
 * how tokens are checked. (The auth service's own start-up line says the rest.)
 */
@ApplicationScoped
class ModeStartup {

    private static final Logger LOG = Logger.getLogger(ModeStartup.class.getName());

    @Inject
    Config config;
    @Inject
    @Any
    Instance<AccessTokenCheck> checks;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Mode mode = Mode.from(config);
        String description = TokenIdentityStore.select(mode, checks).describe();
        if (mode != Mode.ISSUER) {
            LOG.info(() -> "jwtlib: protecting this application with tokens of the jwtlib auth service, mode "
                    + description);
        }
    }
}
