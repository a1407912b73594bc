package dev.jwtlib.lifecycle;

import dev.jwtlib.account.User;
import dev.jwtlib.account.UserUpdate;
import dev.jwtlib.account.Users;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.error.TooManyRequests;
import dev.jwtlib.http.RateLimiter;
import dev.jwtlib.mail.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Proof that an address is the user's: a single-use code mailed to it (at registration, and on
 * request, at most {@value #MAILS_PER_HOUR} an hour per account), which the user sends back.
 * With {@code jwtlib.registration.require-verified-email} a login waits for it.
 */
@ApplicationScoped
public class EmailVerification {

    static final int MAILS_PER_HOUR = 5;

    @Inject
    AccountCodes codes;
    @Inject
    Users users;
    @Inject
    Outbox outbox;
    @Inject
    LifecycleSettings settings;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    private RateLimiter mailsPerAccount;

    /** For CDI. */
    EmailVerification() {
    }

    /** Outside a container (tests). */
    public EmailVerification(AccountCodes codes, Users users, Outbox outbox, LifecycleSettings settings, SecurityEvents events,
                             Clock clock) {
        this.codes = codes;
        this.users = users;
        this.outbox = outbox;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        init();
    }

    @PostConstruct
    void init() {
        mailsPerAccount = new RateLimiter(MAILS_PER_HOUR, Duration.ofHours(1), clock);
    }

    /** Mails a new code to the user's address (the earlier one stops working); not for a verified address. */
    public void send(User user) {
        if (user.emailVerified() || !mailsPerAccount.tryTake(user.id())) {
            return;
        }
        mail(user);
    }

    /**
     * The user asks for another mail.
     *
     * @throws TooManyRequests after {@value #MAILS_PER_HOUR} mails in an hour
     */
    public void resend(User user) {
        if (user.emailVerified()) {
            return;
        }
        if (!mailsPerAccount.tryTake(user.id())) {
            throw new TooManyRequests("A verification mail was sent to this address several times in the last hour; "
                    + "use the code of the latest one, or try again later.", 600);
        }
        mail(user);
    }

    private void mail(User user) {
        String code = OneTimeCodes.generate();
        codes.issue(user.id(), AccountCodes.Purpose.VERIFY_EMAIL, OneTimeCodes.digest(code),
                clock.instant().plus(settings.verifyTtl()));
        outbox.send(CodeMails.verification(user, code, settings.verifyTtl(), settings.verifyLink()));
        events.emailVerification(user.username(), "sent");
    }

    /**
     * Marks the address of the code's user verified.
     *
     * @throws InvalidInput for a code that does not work (unknown, used, superseded, expired: one answer)
     */
    public User verify(String typed) {
        User user = OneTimeCodes.normalize(typed)
                .flatMap(code -> codes.redeem(AccountCodes.Purpose.VERIFY_EMAIL, OneTimeCodes.digest(code)))
                .filter(redeemed -> redeemed.expiresAt().isAfter(clock.instant()))
                .flatMap(redeemed -> users.byId(redeemed.userId()))
                .orElseThrow(() -> {
                    events.emailVerification(null, "refused");
                    return refused();
                });
        User verified = users.update(user.id(), UserUpdate.verifiedEmail(), Instant.now(clock)).orElse(user);
        events.emailVerification(verified.username(), "verified");
        return verified;
    }

    /**
     * The login gate: with {@code jwtlib.registration.require-verified-email}, a user whose
     * address is not verified gets no tokens, and a new code (unless several were sent lately).
     *
     * @throws EmailNotVerified in that case
     */
    public void requireVerified(User user) {
        if (settings.requireVerifiedEmail() && !user.emailVerified()) {
            send(user);
            throw new EmailNotVerified();
        }
    }

    static InvalidInput refused() {
        return new InvalidInput("code", "does not work: it is wrong, was used or replaced by a newer one, or has expired."
                + " Ask for a new one.");
    }
}
