package dev.jwtlib.lifecycle;

import dev.jwtlib.account.AccountRules;
import dev.jwtlib.account.AccountService;
import dev.jwtlib.account.User;
import dev.jwtlib.account.UserSessions;
import dev.jwtlib.account.Users;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.error.TooManyRequests;
import dev.jwtlib.http.RateLimiter;
import dev.jwtlib.mail.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Password reset by a code mailed to the account's address (NIST SP 800-63B-4 section 4.2,
 * OWASP ASVS 5.0 V6.4): single use, 130 random bits, stored as a digest, valid
 * {@code jwtlib.password.reset-ttl}, only the newest one works. Asking for one answers the same
 * whether or not the account exists, and takes the same time: the look-up and the mail happen
 * after the answer, on the platform's managed executor. At most {@value #MAILS_PER_HOUR} requests
 * an hour per name or address asked for, and {@value #MAILS_PER_HOUR} mails an hour per account.
 * A reset applies the password rules, ends every session of the user, clears the lockout and
 * marks the address verified (the code reached it).
 */
@ApplicationScoped
public class PasswordReset {

    static final int MAILS_PER_HOUR = 5;

    @Resource
    ManagedExecutorService managed;
    @Inject
    AccountCodes codes;
    @Inject
    Users users;
    @Inject
    AccountService accounts;
    @Inject
    UserSessions sessions;
    @Inject
    Outbox outbox;
    @Inject
    LifecycleSettings settings;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    private Executor executor;
    private RateLimiter requestsPerName;
    private RateLimiter mailsPerAccount;

    /** For CDI. */
    PasswordReset() {
    }

    /** Outside a container (tests): {@code executor} runs the work after the answer. */
    public PasswordReset(AccountCodes codes, Users users, AccountService accounts, UserSessions sessions, Outbox outbox,
                         LifecycleSettings settings, SecurityEvents events, Clock clock, Executor executor) {
        this.codes = codes;
        this.users = users;
        this.accounts = accounts;
        this.sessions = sessions;
        this.outbox = outbox;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        start(executor);
    }

    @PostConstruct
    void init() {
        start(managed);
    }

    private void start(Executor executor) {
        this.executor = executor;
        requestsPerName = new RateLimiter(MAILS_PER_HOUR, Duration.ofHours(1), clock);
        mailsPerAccount = new RateLimiter(MAILS_PER_HOUR, Duration.ofHours(1), clock);
    }

    /**
     * Someone asks for a reset of the account with this username or email (exactly one of them).
     * Returns before anything is looked up.
     *
     * @throws InvalidInput     when neither or both are given, or the one given cannot be a name or address
     * @throws TooManyRequests  after {@value #MAILS_PER_HOUR} requests for this name or address in an hour
     *                          (the same for names with and without an account)
     */
    public void forgot(String username, String email) {
        String key = key(username, email);
        if (!requestsPerName.tryTake(key)) {
            throw new TooManyRequests("A reset was asked for this account several times in the last hour; "
                    + "use the code of the latest mail, or try again later.", 600);
        }
        executor.execute(() -> {
            Optional<User> user = key.startsWith("u:") ? users.byUsername(key.substring(2)) : users.byEmailKey(key.substring(2));
            if (user.isEmpty() || !user.get().active()) {
                events.passwordReset(username != null ? username : null, user.isEmpty() ? "unknown_account" : "inactive_account",
                        null);
                return;
            }
            if (mail(user.get())) {
                events.passwordReset(user.get().username(), "requested", null);
            }
        });
    }

    /**
     * An administrator sends the user a reset mail.
     *
     * @throws TooManyRequests after {@value #MAILS_PER_HOUR} mails to this account in an hour
     */
    public void sendFor(User user, String by) {
        if (!mail(user)) {
            throw new TooManyRequests("Several reset mails were sent to this account in the last hour; try again later.", 600);
        }
        events.passwordReset(user.username(), "admin_requested", Map.of("by", by));
    }

    private boolean mail(User user) {
        if (!mailsPerAccount.tryTake(user.id())) {
            events.passwordReset(user.username(), "throttled", null);
            return false;
        }
        String code = OneTimeCodes.generate();
        codes.issue(user.id(), AccountCodes.Purpose.RESET_PASSWORD, OneTimeCodes.digest(code),
                clock.instant().plus(settings.resetTtl()));
        outbox.send(CodeMails.reset(user, code, settings.resetTtl(), settings.resetLink()));
        return true;
    }

    /**
     * The user whose code this is, with the new password checked against the rules; nothing is
     * spent yet (a password that breaks a rule leaves the code usable).
     *
     * @throws InvalidInput for a code that does not work, or a password that breaks a rule
     */
    public User check(String typedCode, String newPassword) {
        User user = OneTimeCodes.normalize(typedCode)
                .flatMap(code -> codes.find(AccountCodes.Purpose.RESET_PASSWORD, OneTimeCodes.digest(code)))
                .filter(found -> found.expiresAt().isAfter(clock.instant()))
                .flatMap(found -> users.byId(found.userId()))
                .filter(User::active)
                .orElseThrow(() -> {
                    events.passwordReset(null, "refused", null);
                    return EmailVerification.refused();
                });
        accounts.checkNewPassword(user, newPassword, "new_password");
        return user;
    }

    /**
     * Spends the code and sets the password (a hash: call on the hashing threads), then ends
     * every session of the user and clears the lockout.
     *
     * @throws InvalidInput when the code stopped working since {@link #check} (used, replaced, expired)
     */
    public void reset(String typedCode, String newPassword) {
        String digest = OneTimeCodes.digest(OneTimeCodes.normalize(typedCode).orElseThrow(EmailVerification::refused));
        User user = codes.redeem(AccountCodes.Purpose.RESET_PASSWORD, digest)
                .filter(redeemed -> redeemed.expiresAt().isAfter(clock.instant()))
                .flatMap(redeemed -> users.byId(redeemed.userId()))
                .filter(User::active)
                .orElseThrow(() -> {
                    events.passwordReset(null, "refused", null);
                    return EmailVerification.refused();
                });
        User changed = accounts.resetPassword(user, newPassword);
        sessions.endAll(changed);
        accounts.unlock(changed);
        events.passwordReset(changed.username(), "reset", null);
    }

    /** The rate-limit key of what was asked for: a canonical username or an email key. */
    private static String key(String username, String email) {
        if ((username == null) == (email == null)) {
            throw new InvalidInput("username", "give either username or email");
        }
        if (username != null) {
            String canonical = AccountRules.canonicalUsername(username);
            AccountRules.usernameProblem(canonical).ifPresent(m -> {
                throw new InvalidInput("username", m);
            });
            return "u:" + canonical;
        }
        String trimmed = AccountRules.trimmedEmail(email);
        AccountRules.emailProblem(trimmed).ifPresent(m -> {
            throw new InvalidInput("email", m);
        });
        return "e:" + AccountRules.emailKey(trimmed);
    }
}
