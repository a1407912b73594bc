package dev.jwtlib.mfa;

import dev.jwtlib.account.AccountService;
import dev.jwtlib.account.LoginGuard;
import dev.jwtlib.account.Roles;
import dev.jwtlib.account.User;
import dev.jwtlib.account.UserSessions;
import dev.jwtlib.account.Users;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.BadCredentials;
import dev.jwtlib.error.Conflict;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.lifecycle.AccountCodes;
import dev.jwtlib.token.Amr;
import dev.jwtlib.token.KeyEncryption;
import dev.jwtlib.verify.TokenIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * TOTP as a second factor: enrolment (a secret shown once, active after a first right code, with
 * ten recovery codes), the second step of a login, turning it off, new recovery codes, and an
 * administrator's reset. Every code check counts for the login lockout like a password; a TOTP
 * code works once (the newest step used is kept), within one step of clock drift either way.
 */
@ApplicationScoped
public class SecondFactorService {

    /** How long the second step of a login may take (the {@code mfa_token}'s lifetime). */
    public static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
    static final int RECOVERY_CODES = 10;
    /** 16 base32 characters: 80 random bits, shown in groups of four. */
    static final int RECOVERY_LENGTH = 16;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an enrolment shows the person once: the secret, as text, URI and QR code. */
    public record Enrolment(String secret, String otpauthUri, String qrCode) {
    }

    /** The second step a login waits for. */
    public record Challenge(String mfaToken, long expiresIn) {
    }

    private SecondFactors factors;
    private Users users;
    private AccountService accounts;
    private AccountCodes codes;
    private LoginGuard guard;
    private UserSessions sessions;
    private MfaSettings settings;
    private SecurityEvents events;
    private Clock clock;
    private Supplier<KeyEncryption> encryption;

    @Inject
    public SecondFactorService(SecondFactors factors, Users users, AccountService accounts, AccountCodes codes,
                               LoginGuard guard, UserSessions sessions, MfaSettings settings, SecurityEvents events,
                               SecretSealing sealing, Clock clock) {
        this(factors, users, accounts, codes, guard, sessions, settings, events, sealing::encryption, clock);
    }

    /** Outside a container (tests). */
    public SecondFactorService(SecondFactors factors, Users users, AccountService accounts, AccountCodes codes,
                               LoginGuard guard, UserSessions sessions, MfaSettings settings, SecurityEvents events,
                               Supplier<KeyEncryption> encryption, Clock clock) {
        this.factors = factors;
        this.users = users;
        this.accounts = accounts;
        this.codes = codes;
        this.guard = guard;
        this.sessions = sessions;
        this.settings = settings;
        this.events = events;
        this.encryption = encryption;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    SecondFactorService() {
    }

    /**
     * Starts an enrolment after checking the password (a hash: call on the hashing threads). A
     * pending enrolment is replaced; an active factor is kept ({@code 409}).
     */
    public Enrolment begin(User user, String password, String source) {
        if (user.mfaEnabled()) {
            throw new Conflict("A second factor is on already: turn it off first to enrol another device.");
        }
        accounts.confirmPassword(user, password, "password", source);
        byte[] secret = Totp.newSecret();
        if (!factors.begin(user.id(), encryption.get().seal(secret, context(user)))) {
            throw new Conflict("A second factor is on already: turn it off first to enrol another device.");
        }
        events.mfa(user.username(), "enrolment_started", null);
        String base32 = Base32.encode(secret);
        String label = uriPart(settings.issuerName()) + ":" + uriPart(user.username());
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + uriPart(settings.issuerName())
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new Enrolment(base32, uri, QrCodes.dataUri(uri));
    }

    /**
     * Turns the pending enrolment on with a first right code; returns the recovery codes, shown
     * this once.
     */
    public List<String> confirm(User user, String code) {
        SecondFactors.Factor factor = factors.find(user.id())
                .orElseThrow(() -> new Conflict("No enrolment is waiting: start one with POST /api/auth/mfa/totp."));
        if (factor.active()) {
            throw new Conflict("The second factor is on already.");
        }
        byte[] secret = encryption.get().open(factor.sealedSecret(), context(user));
        OptionalLong step = Totp.match(secret, code, clock.instant(), Long.MIN_VALUE);
        if (step.isEmpty()) {
            events.mfa(user.username(), "code_refused", null);
            throw new InvalidInput("code", "does not match: enter the 6 digits the app shows now (and check that the "
                    + "device's clock is right).");
        }
        List<String> recovery = recoveryCodes();
        if (!factors.activate(user.id(), factor.sealedSecret(), step.getAsLong(), digests(recovery))) {
            throw new Conflict("The enrolment changed meanwhile (another one was started, or it was confirmed): start again.");
        }
        events.mfa(user.username(), "enabled", null);
        return recovery;
    }

    /** Turns the factor off, after the password (a hash: on the hashing threads) and a code. */
    public void disable(User user, String password, String code, String source) {
        requireActive(user);
        accounts.confirmPassword(user, password, "password", source);
        requireCode(user, code, source);
        factors.remove(user.id());
        events.mfa(user.username(), "disabled", null);
    }

    /** New recovery codes (the old ones stop working), after the password and a code. */
    public List<String> renewRecoveryCodes(User user, String password, String code, String source) {
        requireActive(user);
        accounts.confirmPassword(user, password, "password", source);
        requireCode(user, code, source);
        List<String> recovery = recoveryCodes();
        if (!factors.replaceRecoveryCodes(user.id(), digests(recovery))) {
            throw new Conflict("The second factor was turned off meanwhile.");
        }
        events.mfa(user.username(), "recovery_codes_renewed", null);
        return recovery;
    }

    /**
     * An administrator removes a user's factor (a lost device): the user's sessions end too. A
     * user without one is left as is.
     */
    public void reset(User user, String by) {
        if (factors.remove(user.id())) {
            sessions.endAll(user);
            events.mfa(user.username(), "admin_reset", Map.of("by", by));
        }
    }

    /** The second step a login of this user (password checked) now waits for. */
    public Challenge challenge(User user) {
        String token = TokenIds.random(32);
        codes.issue(user.id(), AccountCodes.Purpose.MFA_LOGIN, TokenIds.digest(token), clock.instant().plus(CHALLENGE_TTL));
        return new Challenge(token, CHALLENGE_TTL.toSeconds());
    }

    /**
     * The second step of a login: the user whose {@code mfa_token} it is, when the code is right.
     * The token then stops working; a wrong code leaves it usable (until the lockout).
     *
     * @throws BadCredentials for a wrong, used or expired token or code
     * @throws dev.jwtlib.error.TooManyFailures while the account is locked for this source
     */
    public User complete(String mfaToken, String code, String source) {
        String digest = TokenIds.digest(mfaToken);
        User user = codes.find(AccountCodes.Purpose.MFA_LOGIN, digest)
                .filter(found -> found.expiresAt().isAfter(clock.instant()))
                .flatMap(found -> users.byId(found.userId()))
                .filter(u -> u.active() && u.mfaEnabled())
                .orElseThrow(() -> new BadCredentials("This sign-in step expired or was used: log in again."));
        requireCode(user, code, source);
        if (codes.redeem(AccountCodes.Purpose.MFA_LOGIN, digest).isEmpty()) {
            throw new BadCredentials("This sign-in step expired or was used: log in again.");
        }
        return user;
    }

    /**
     * The roles a token of this login may carry: the user's own, or, for a user whose roles need a
     * second factor ({@code jwtlib.mfa.required-roles}) and who logged in without one, only the
     * way to enrol.
     */
    public Set<String> tokenRoles(User user, List<String> amr) {
        if (settings.required(user.roleSet()) && !amr.contains("otp")) {
            return Set.of(Roles.MFA_ENROLMENT);
        }
        return user.roleSet();
    }

    /** How the login of a user that passed its password goes on: tokens now, or a second step. */
    public boolean needsSecondStep(User user) {
        return user.mfaEnabled();
    }

    /** The {@code amr} of a login that ended with a second factor. */
    public static List<String> secondFactorAmr() {
        return Amr.PASSWORD_AND_OTP;
    }

    private void requireActive(User user) {
        if (!user.mfaEnabled()) {
            throw new Conflict("No second factor is on.");
        }
    }

    /** A right TOTP or recovery code, counted by the lockout like a password. */
    private void requireCode(User user, String code, String source) {
        if (!guard.check(user.username(), source, false, () -> spend(user, code))) {
            events.mfa(user.username(), "code_refused", null);
            throw new BadCredentials("The code is wrong or was used already.");
        }
    }

    /** Spends a TOTP code (its step) or a recovery code; {@code false} when it is neither, or used. */
    private boolean spend(User user, String typed) {
        Optional<SecondFactors.Factor> factor = factors.find(user.id()).filter(SecondFactors.Factor::active);
        if (factor.isEmpty() || typed == null) {
            return false;
        }
        String compact = typed.replace(" ", "").replace("-", "");
        if (compact.length() == Totp.DIGITS) {
            byte[] secret = encryption.get().open(factor.get().sealedSecret(), context(user));
            OptionalLong step = Totp.match(secret, compact, clock.instant(), factor.get().lastStep());
            return step.isPresent() && factors.useStep(user.id(), step.getAsLong());
        }
        Optional<String> recovery = normalizeRecovery(compact);
        if (recovery.isPresent() && factors.useRecoveryCode(user.id(), TokenIds.digest(recovery.get()))) {
            events.mfa(user.username(), "recovery_code_used",
                    Map.of("remaining", Integer.toString(Math.max(0, factor.get().recoveryDigests().size() - 1))));
            return true;
        }
        return false;
    }

    static Optional<String> normalizeRecovery(String typed) {
        String code = typed.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        return code.length() == RECOVERY_LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                ? Optional.of(code) : Optional.empty();
    }

    static List<String> recoveryCodes() {
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < RECOVERY_LENGTH; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    private static List<String> digests(List<String> recovery) {
        return recovery.stream().map(code -> TokenIds.digest(normalizeRecovery(code).orElseThrow())).toList();
    }

    /** Binds a sealed secret to its user: moved to another document, it does not open. */
    private static String context(User user) {
        return "totp|" + user.id();
    }

    private static String uriPart(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
