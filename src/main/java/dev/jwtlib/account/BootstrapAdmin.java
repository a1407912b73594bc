package dev.jwtlib.account;

import dev.jwtlib.error.Conflict;
import dev.jwtlib.error.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * At start-up, creates the administrator named by {@code jwtlib.bootstrap.admin.*} when it does
 * not exist yet. An existing user of that name is left as it is, but for a lock after too many
 * failed logins, which a restart ends: the way back in when the only administrator is locked out.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    @Inject
    BootstrapAdminSettings settings;
    @Inject
    AccountService accounts;
    @Inject
    Users users;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (settings.username().isEmpty()) {
            return;
        }
        String username = settings.username().get();
        if (settings.password().isEmpty()) {
            LOG.warning("jwtlib: jwtlib.bootstrap.admin.username is set but jwtlib.bootstrap.admin.password is not;"
                    + " no administrator was created");
            return;
        }
        Optional<User> existing = users.byUsername(AccountRules.canonicalUsername(username));
        if (existing.isPresent()) {
            LOG.info(() -> "jwtlib: bootstrap administrator '" + username + "' already exists");
            if (accounts.locked(existing.get())) {
                accounts.unlock(existing.get());
                LOG.warning(() -> "jwtlib: bootstrap administrator '" + username
                        + "' was locked after too many failed logins; unlocked at start-up");
            }
            return;
        }
        try {
            accounts.registerVerified(username, username + "@admin.invalid", settings.password().get(),
                    List.of(Roles.USER, Roles.ADMIN));
            LOG.info(() -> "jwtlib: created bootstrap administrator '" + username + "'");
        } catch (InvalidInput e) {
            LOG.severe(() -> "jwtlib: bootstrap administrator not created, fix jwtlib.bootstrap.admin.*: "
                    + e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")));
        } catch (Conflict e) {
            LOG.info(() -> "jwtlib: bootstrap administrator '" + username + "' was created by another instance");
        }
    }
}
