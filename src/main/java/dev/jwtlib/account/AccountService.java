package dev.jwtlib.account;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.BadCredentials;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.password.PasswordHasher;
import dev.jwtlib.password.PasswordPolicy;
import dev.jwtlib.password.PasswordSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/** Registration (the Python {@code register_user}) and password checks for login and Basic auth. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    private SecurityEvents events;
    private Users users;
    private PasswordHasher hasher;
    private PasswordSettings passwordSettings;
    private LoginGuard guard;
    private LoginSettings loginSettings;
    private Clock clock;

    @Inject
    public AccountService(SecurityEvents events, Users users, PasswordHasher hasher, PasswordSettings passwordSettings,
                          LoginGuard guard, LoginSettings loginSettings, Clock clock) {
        this.events = events;
        this.users = users;
        this.hasher = hasher;
        this.passwordSettings = passwordSettings;
        this.guard = guard;
        this.loginSettings = loginSettings;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    AccountService() {
    }

    /**
     * Creates an active user with the given roles.
     *
     * @throws InvalidInput listing every broken input rule
     * @throws dev.jwtlib.error.Conflict when the username or email is taken
     */
    public User register(String rawUsername, String rawEmail, String rawPassword, List<String> roles) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String username = AccountRules.canonicalUsername(rawUsername);
        AccountRules.usernameProblem(username).ifPresent(m -> errors.add(new InvalidInput.FieldError("username", m)));
        String email = AccountRules.trimmedEmail(rawEmail);
        AccountRules.emailProblem(email).ifPresent(m -> errors.add(new InvalidInput.FieldError("email", m)));
        String password = PasswordPolicy.normalize(rawPassword);
        new PasswordPolicy(passwordSettings.minLength()).check(password, username)
                .ifPresent(m -> errors.add(new InvalidInput.FieldError("password", m)));
        if (!errors.isEmpty()) {
            throw new InvalidInput("The registration is not valid.", errors);
        }
        long now = clock.millis();
        User user = users.insert(new User(UUID.randomUUID().toString(), username, email, AccountRules.emailKey(email),
                hasher.hash(password), roles, true, now, now));
        events.registration(user.username());
        return user;
    }

    /** Registers a self-service user with the role {@code user}. */
    public User register(String username, String email, String password) {
        return register(username, email, password, List.of(Roles.USER));
    }

    /**
     * Replaces a user's password after checking the current one. The caller decides what to end.
     *
     * @throws dev.jwtlib.error.BadCredentials when the current password is wrong
     * @throws InvalidInput when the new password breaks a rule
     */
    public User changePassword(User user, String currentPassword, String newPassword) {
        guard.attempt(user.username());
        if (!hasher.verify(PasswordPolicy.normalize(currentPassword), user.passwordHash())) {
            failed(user.username());
            events.passwordChange(user.username(), "bad_credentials");
            throw new BadCredentials();
        }
        guard.succeeded(user.username());
        String password = PasswordPolicy.normalize(newPassword);
        new PasswordPolicy(passwordSettings.minLength()).check(password, user.username()).ifPresent(m -> {
            throw new InvalidInput("new_password", m);
        });
        User changed = users.update(user.id(), UserUpdate.password(hasher.hash(password)), clock.instant())
                .orElseThrow(() -> InvalidToken.rejected("The token's user no longer exists."));
        events.passwordChange(changed.username(), "success");
        return changed;
    }

    /**
     * The active user with this username and password. An unknown username costs one hash
     * verification against a dummy hash, so that its timing matches a wrong password; failures
     * are counted per username (known or not) and lock it for a while after too many. A stored
     * hash weaker than the configured parameters is replaced on success.
     *
     * @throws dev.jwtlib.error.TooManyFailures while the username is locked, even for the right password
     * @throws dev.jwtlib.error.AuthServiceUnavailable when all cores are busy hashing
     */
    public Optional<User> authenticate(String rawUsername, String rawPassword) {
        return authenticate(rawUsername, rawPassword, "");
    }

    /**
     * As {@link #authenticate(String, String)} for a service client's HTTP Basic credentials,
     * counted apart from logins so that failed logins by anybody cannot lock a client out of
     * introspection.
     */
    public Optional<User> authenticateClient(String rawUsername, String rawPassword) {
        return authenticate(rawUsername, rawPassword, "client:");
    }

    private void failed(String name) {
        if (guard.failed(name)) {
            events.lockout(name, loginSettings.lockout());
        }
    }

    private Optional<User> authenticate(String rawUsername, String rawPassword, String scope) {
        String username = AccountRules.canonicalUsername(rawUsername);
        boolean wellFormed = AccountRules.usernameProblem(username).isEmpty();
        if (wellFormed) {
            guard.attempt(scope + username);
        }
        Optional<User> authenticated = Optional.empty();
        boolean checked = false;
        try {
            Optional<User> user = wellFormed ? users.byUsername(username) : Optional.empty();
            boolean matches = hasher.verify(PasswordPolicy.normalize(rawPassword), user.map(User::passwordHash).orElse(null));
            authenticated = matches ? user.filter(User::active) : Optional.empty();
            checked = true;
        } finally {
            if (wellFormed) {
                if (!checked) {
                    guard.abandoned(scope + username);
                } else if (authenticated.isPresent()) {
                    guard.succeeded(scope + username);
                } else {
                    failed(scope + username);
                }
            }
        }
        if (authenticated.isEmpty()) {
            return authenticated;
        }
        String password = PasswordPolicy.normalize(rawPassword);
        User found = authenticated.get();
        if (hasher.isWeakerThanConfigured(found.passwordHash())) {
            LOG.info(() -> "jwtlib audit: stored hash upgraded to the configured parameters username=" + username);
            return users.update(found.id(), UserUpdate.password(hasher.hash(password)), clock.instant());
        }
        return authenticated;
    }
}
