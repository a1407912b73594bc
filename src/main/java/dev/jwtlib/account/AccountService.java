package dev.jwtlib.account;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.BadCredentials;
import dev.jwtlib.error.Conflict;
import dev.jwtlib.error.InvalidInput.FieldError;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.error.UserNotFound;
import dev.jwtlib.password.PasswordHasher;
import dev.jwtlib.password.PasswordPolicy;
import dev.jwtlib.password.PasswordSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Registration (the Python {@code register_user}) and password checks: for a login, for a
 * password change, and for a service client's HTTP Basic credentials. Every rule that needs no
 * hash (input rules, uniqueness) is checked before anything is hashed; the hashing itself is
 * the caller's to run through {@link dev.jwtlib.password.HashAdmission}.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    /** A registration that passed every rule that needs no hash. */
    public record NewAccount(String username, String email, String password, List<String> roles) {

        @Override
        public String toString() {
            return "NewAccount[username=" + username + "]";
        }
    }

    private SecurityEvents events;
    private Users users;
    private PasswordHasher hasher;
    private PasswordSettings passwordSettings;
    private LoginGuard guard;
    private Clock clock;

    /** Observed by the verification mail; absent outside a container. */
    @Inject
    Event<Registered> registered;

    @Inject
    public AccountService(SecurityEvents events, Users users, PasswordHasher hasher, PasswordSettings passwordSettings,
                          LoginGuard guard, Clock clock) {
        this.events = events;
        this.users = users;
        this.hasher = hasher;
        this.passwordSettings = passwordSettings;
        this.guard = guard;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    AccountService() {
    }

    /**
     * The rules of a registration that cost no hash: the input rules, then uniqueness.
     *
     * @throws InvalidInput listing every broken input rule
     * @throws Conflict     when the username or email is taken
     */
    public NewAccount checkRegistration(String rawUsername, String rawEmail, String rawPassword, List<String> roles) {
        List<FieldError> errors = new ArrayList<>();
        String username = AccountRules.canonicalUsername(rawUsername);
        AccountRules.usernameProblem(username).ifPresent(m -> errors.add(new FieldError("username", m)));
        String email = AccountRules.trimmedEmail(rawEmail);
        AccountRules.emailProblem(email).ifPresent(m -> errors.add(new FieldError("email", m)));
        String password = PasswordPolicy.normalize(rawPassword);
        new PasswordPolicy(passwordSettings.minLength()).check(password, username)
                .ifPresent(m -> errors.add(new FieldError("password", m)));
        if (!errors.isEmpty()) {
            throw new InvalidInput("The registration is not valid.", errors);
        }
        users.taken(username, AccountRules.emailKey(email)).ifPresent(field -> {
            throw new Conflict("email".equals(field) ? "This email is already registered." : "This username is taken.");
        });
        return new NewAccount(username, email, password, roles);
    }

    /**
     * Hashes the password and stores an active user. Failed logins counted against the name
     * before the account existed are forgotten: they were no one's, and must not lock the new
     * account.
     *
     * A {@link Registered} event follows, for the verification mail.
     *
     * @throws Conflict when the username or email was taken since it was checked
     */
    public User create(NewAccount account) {
        return create(account, false);
    }

    private User create(NewAccount account, boolean emailVerified) {
        long now = clock.millis();
        User user = users.insert(new User(UUID.randomUUID().toString(), account.username(), account.email(),
                AccountRules.emailKey(account.email()), hasher.hash(account.password()), account.roles(), true, now, now, 0L,
                emailVerified, false));
        guard.unlock(user.username());
        events.registration(user.username());
        if (!emailVerified && registered != null) {
            registered.fire(new Registered(user));
        }
        return user;
    }

    /** {@link #checkRegistration} and {@link #create} in one (for tests). */
    public User register(String username, String email, String password, List<String> roles) {
        return create(checkRegistration(username, email, password, roles));
    }

    /**
     * An account whose address needs no proof (the bootstrap administrator's, which no mail
     * reaches): no verification mail.
     */
    public User registerVerified(String username, String email, String password, List<String> roles) {
        return create(checkRegistration(username, email, password, roles), true);
    }

    /** Registers a self-service user with the role {@code user}. */
    public User register(String username, String email, String password) {
        return register(username, email, password, List.of(Roles.USER));
    }

    /**
     * The input rules of a login (a {@code 400}, not a failed login): no control characters in
     * the username (no account has one), no NUL in the password. PBKDF2 pads short keys with
     * zero bytes, so a password with trailing NULs would otherwise match the one without; other
     * control characters are checked as given, since a password set elsewhere may hold one.
     *
     * @throws InvalidInput naming the fields
     */
    public static void checkCredentials(String username, String password) {
        List<FieldError> errors = new ArrayList<>();
        if (username.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            errors.add(new FieldError("username", "must not contain control characters"));
        }
        PasswordPolicy.presentedProblem(password).ifPresent(m -> errors.add(new FieldError("password", m)));
        if (!errors.isEmpty()) {
            throw new InvalidInput("The request is not valid.", errors);
        }
    }

    /**
     * The rules of a password change that cost no hash.
     *
     * @throws InvalidInput when the current password holds a NUL or the new one breaks a rule
     */
    public void checkPasswordChange(User user, String currentPassword, String newPassword) {
        List<FieldError> errors = new ArrayList<>();
        PasswordPolicy.presentedProblem(currentPassword).ifPresent(m -> errors.add(new FieldError("current_password", m)));
        new PasswordPolicy(passwordSettings.minLength()).check(PasswordPolicy.normalize(newPassword), user.username())
                .ifPresent(m -> errors.add(new FieldError("new_password", m)));
        if (!errors.isEmpty()) {
            throw new InvalidInput("The request is not valid.", errors);
        }
    }

    /**
     * Replaces a user's password after checking the current one, which counts as a login for
     * the lockout. The caller decides which sessions to end.
     *
     * @throws BadCredentials when the current password is wrong
     * @throws InvalidInput   when the new password breaks a rule
     */
    public User changePassword(User user, String currentPassword, String newPassword, String source) {
        checkPasswordChange(user, currentPassword, newPassword);
        if (!passwordMatches(user, currentPassword, source)) {
            events.passwordChange(user.username(), "bad_credentials");
            throw new BadCredentials();
        }
        User changed = users.update(user.id(), UserUpdate.password(hasher.hash(PasswordPolicy.normalize(newPassword))),
                        clock.instant())
                .orElseThrow(() -> InvalidToken.rejected("The token's user no longer exists."));
        events.passwordChange(changed.username(), "success");
        return changed;
    }

    /**
     * Checks the password of a signed-in user (a hash: call on the hashing threads) before a
     * sensitive change; a wrong one counts as a failed login from {@code source}.
     *
     * @throws BadCredentials when it is wrong
     * @throws InvalidInput   when it is missing or holds a NUL
     * @throws dev.jwtlib.error.TooManyFailures while the account is locked for this source
     */
    public void confirmPassword(User user, String password, String field, String source) {
        if (password == null) {
            throw new InvalidInput(field, "is required");
        }
        PasswordPolicy.presentedProblem(password).ifPresent(m -> {
            throw new InvalidInput(field, m);
        });
        if (!passwordMatches(user, password, source)) {
            throw new BadCredentials("The password is incorrect.");
        }
    }

    /** The password check of a known user, counted by the lockout. */
    private boolean passwordMatches(User user, String password, String source) {
        return guard.check(user.username(), source, user.mfaEnabled(),
                () -> hasher.verify(PasswordPolicy.normalize(password), user.passwordHash()));
    }

    /**
     * A right password: the failures start afresh, unless a second factor is still to come
     * (then only a right code does that, so that knowing the password gives no fresh round of
     * code guesses).
     */
    private void passed(String username, String source, boolean secondFactorFollows) {
        if (secondFactorFollows) {
            guard.abandoned(username, source);
        } else {
            guard.succeeded(username, source);
        }
    }

    /**
     * The active user with this username and password, for a login from {@code source}. An
     * unknown username costs one hash verification against a dummy hash, so that its timing
     * matches a wrong password; failures are counted per username (known or not) and source
     * ({@link LoginGuard}). A stored hash weaker than the configured parameters is replaced on
     * success.
     *
     * @throws dev.jwtlib.error.TooManyFailures while the account is locked for this source, even for the right password
     */
    public Optional<User> authenticate(String rawUsername, String rawPassword, String source) {
        String username = AccountRules.canonicalUsername(rawUsername);
        boolean wellFormed = AccountRules.usernameProblem(username).isEmpty();
        if (wellFormed) {
            guard.attempt(username, source);
        }
        Optional<User> authenticated = Optional.empty();
        boolean checked = false;
        boolean known = false;
        try {
            Optional<User> found = wellFormed ? users.byUsername(username) : Optional.empty();
            known = found.isPresent();
            authenticated = check(found, rawPassword);
            checked = true;
        } finally {
            if (wellFormed) {
                if (!checked) {
                    guard.abandoned(username, source);
                } else if (authenticated.isPresent()) {
                    passed(username, source, authenticated.get().mfaEnabled());
                } else {
                    guard.failed(username, source, known);
                }
            }
        }
        return authenticated.map(user -> upgradeHash(user, rawPassword));
    }

    /**
     * The rules a new password must keep for this user (a reset), checked before any hash.
     *
     * @throws InvalidInput naming {@code field} when it breaks one
     */
    public void checkNewPassword(User user, String newPassword, String field) {
        new PasswordPolicy(passwordSettings.minLength()).check(PasswordPolicy.normalize(newPassword), user.username())
                .ifPresent(m -> {
                    throw new InvalidInput(field, m);
                });
    }

    /**
     * Sets a new password without the current one (a reset by mailed code): hashes it and marks
     * the address verified, since the code reached it. The caller ends the sessions.
     */
    public User resetPassword(User user, String newPassword) {
        return users.update(user.id(), new UserUpdate(hasher.hash(PasswordPolicy.normalize(newPassword)), null, null, true),
                        clock.instant())
                .orElseThrow(() -> new UserNotFound(user.username()));
    }

    /** Ends every lock and failure count of the account, for every source (also after the account is deleted). */
    public void unlock(User user) {
        guard.unlock(user.username());
    }

    /** Whether the account is locked for every source until an administrator unlocks it. */
    public boolean locked(User user) {
        return guard.accountLocked(user.username());
    }

    /** The user when the password matches and the user is active; the dummy hash when there is no user. */
    private Optional<User> check(Optional<User> user, String rawPassword) {
        boolean matches = hasher.verify(PasswordPolicy.normalize(rawPassword), user.map(User::passwordHash).orElse(null));
        return matches ? user.filter(User::active) : Optional.empty();
    }

    /** Replaces a stored hash made with weaker parameters than configured, now that the password is known. */
    private User upgradeHash(User found, String rawPassword) {
        if (!hasher.isWeakerThanConfigured(found.passwordHash())) {
            return found;
        }
        LOG.info(() -> "jwtlib: stored hash of '" + found.username() + "' upgraded to the configured parameters");
        return users.update(found.id(), UserUpdate.password(hasher.hash(PasswordPolicy.normalize(rawPassword))),
                clock.instant()).orElse(found);
    }
}
