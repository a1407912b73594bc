package dev.jwtlib.testing;

import dev.jwtlib.mfa.MfaSettings;
import dev.jwtlib.mfa.SecondFactorService;
import dev.jwtlib.token.KeyEncryption;
import dev.jwtlib.account.AccountService;
import dev.jwtlib.account.LoginGuard;
import dev.jwtlib.account.LoginSettings;
import dev.jwtlib.account.User;
import dev.jwtlib.account.UserSessions;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.introspection.Introspector;
import dev.jwtlib.lifecycle.EmailVerification;
import dev.jwtlib.lifecycle.LifecycleSettings;
import dev.jwtlib.lifecycle.PasswordReset;
import dev.jwtlib.mail.TestOutbox;
import dev.jwtlib.password.PasswordHasher;
import dev.jwtlib.password.PasswordSettings;
import dev.jwtlib.session.SessionService;
import dev.jwtlib.session.SessionSettings;
import dev.jwtlib.session.UserSessionsEnder;
import dev.jwtlib.token.AccessTokens;
import dev.jwtlib.token.KeyRing;
import dev.jwtlib.token.KeyRings;
import dev.jwtlib.token.KeySettings;
import dev.jwtlib.token.RevocationList;
import dev.jwtlib.token.TokenIssuer;
import dev.jwtlib.verify.TokenAlgorithm;
import dev.jwtlib.verify.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;

/**
 * The auth service's logic wired as CDI wires it, over in-memory stores and a clock the test
 * moves (from the real time: SmallRye JWT also checks {@code exp} against the system clock): real
 * keys, real signatures, real PBKDF2 (at few iterations), no container. A second
 * instance {@linkplain #sharingStoresWith shares} the stores, as a second server shares MongoDB.
 */
public final class Services {

    public static final String PASSWORD = "correct horse battery staple";

    public final MutableClock clock;
    public final InMemoryUsers users;
    public final InMemoryRefreshTokens refreshTokens;
    public final InMemoryRevocations revocationStore;
    public final InMemorySigningKeys keyStore;
    public final InMemoryLoginAttempts loginAttempts;
    public final InMemoryClients clients;
    public final InMemoryAccountCodes accountCodes = new InMemoryAccountCodes();
    public final InMemorySecondFactors secondFactors;
    /** TOTP optional for everyone ({@link #Services(MfaSettings)} for other settings). */
    public static final MfaSettings MFA = new MfaSettings(java.util.Set.of(), "jwtlib-test");
    public final MfaSettings mfaSettings;

    public final TokenSettings tokenSettings = new TokenSettings("https://auth.example.com", Optional.empty(),
            Duration.ofMinutes(15), TokenAlgorithm.ES256);
    /** A key-encryption key for the signing keys, as an operator configures one. */
    public static final String ENCRYPTION_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    public final KeySettings keySettings = new KeySettings(Duration.ofMinutes(10), Duration.ofDays(30), Optional.empty(),
            Optional.of(ENCRYPTION_KEY), java.nio.file.Path.of("unused.kek"), false);
    public final SessionSettings sessionSettings = new SessionSettings(Duration.ofDays(14), Duration.ofDays(30));
    public final LoginSettings loginSettings = new LoginSettings(5, Duration.ofMinutes(5), 100);
    public final PasswordSettings passwordSettings = new PasswordSettings("PBKDF2WithHmacSHA256", 1024, 32, 32, 15);

    /** The source address of the unit tests' logins. */
    public static final String SOURCE = "192.0.2.10";

    public final SecurityEvents events;
    public final KeyRing keys;
    public final RevocationList revocations;
    public final TokenIssuer issuer;
    public final AccessTokens accessTokens;
    public final PasswordHasher hasher;
    public final LoginGuard guard;
    public final AccountService accounts;
    public final SessionService sessions;
    public final Introspector introspector;
    public static final LifecycleSettings LIFECYCLE = new LifecycleSettings(false, Duration.ofDays(2), Duration.ofMinutes(30),
            Optional.empty(), Optional.of("https://app.example.com/reset?code={code}"));
    public final UserSessions userSessions;
    public final TestOutbox mail;
    public final EmailVerification verification;
    public final PasswordReset passwordReset;
    public final SecondFactorService secondFactor;

    public Services() {
        this(LIFECYCLE);
    }

    /** With these lifecycle settings (verified email required or not). */
    public Services(LifecycleSettings lifecycle) {
        this(lifecycle, MFA);
    }

    /** With these second-factor settings (required roles). */
    public Services(MfaSettings mfa) {
        this(LIFECYCLE, mfa);
    }

    private Services(LifecycleSettings lifecycle, MfaSettings mfa) {
        this(new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)), new InMemoryUsers(), new InMemoryRefreshTokens(),
                new InMemoryRevocations(), new InMemorySigningKeys(), new InMemoryLoginAttempts(), new InMemoryClients(), lifecycle,
                mfa);
    }

    private Services(MutableClock clock, InMemoryUsers users, InMemoryRefreshTokens refreshTokens,
                     InMemoryRevocations revocationStore, InMemorySigningKeys keyStore, InMemoryLoginAttempts loginAttempts,
                     InMemoryClients clients, LifecycleSettings lifecycle, MfaSettings mfa) {
        this.clock = clock;
        this.mfaSettings = mfa;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.revocationStore = revocationStore;
        this.keyStore = keyStore;
        this.loginAttempts = loginAttempts;
        this.clients = clients;
        this.secondFactors = new InMemorySecondFactors(users);
        events = new SecurityEvents(clock);
        keys = KeyRings.create(keyStore, tokenSettings, keySettings, events, clock);
        revocations = new RevocationList(revocationStore, events, clock);
        revocations.load();
        issuer = new TokenIssuer(keys, tokenSettings, revocations, clock);
        accessTokens = new AccessTokens(keys, tokenSettings, revocations, clock);
        hasher = new PasswordHasher(events, new Pbkdf2PasswordHashImpl(), passwordSettings);
        guard = new LoginGuard(loginAttempts, loginSettings, events, clock);
        accounts = new AccountService(events, users, hasher, passwordSettings, guard, clock);

        introspector = new Introspector(events, accessTokens, users, clients, tokenSettings, revocations, clock);
        mail = new TestOutbox(events);
        verification = new EmailVerification(accountCodes, users, mail.outbox, lifecycle, events, clock);
        userSessions = new UserSessionsEnder(users, refreshTokens, revocations, tokenSettings, clock);
        KeyEncryption encryption = KeyEncryption.from(keySettings);
        secondFactor = new SecondFactorService(secondFactors, users, accounts, accountCodes, guard, userSessions, mfaSettings,
                events, () -> encryption, clock);
        sessions = new SessionService(events, accounts, users, issuer, accessTokens, refreshTokens, revocations,
                tokenSettings, sessionSettings, verification, secondFactor, clock);
        passwordReset = new PasswordReset(accountCodes, users, accounts, userSessions, mail.outbox, lifecycle, events, clock,
                Runnable::run);
    }

    /** Another instance over the same stores and clock, with its own memory (caches, revocation mirror). */
    public Services sharingStoresWith() {
        return new Services(clock, users, refreshTokens, revocationStore, keyStore, loginAttempts, clients, LIFECYCLE, mfaSettings);
    }

    /** Registers {@code username} with {@link #PASSWORD} and the role {@code user}. */
    public User register(String username) {
        return accounts.register(username, username + "@example.com", PASSWORD);
    }

    /** Registers a user with these roles. */
    public User register(String username, List<String> roles) {
        return accounts.register(username, username + "@example.com", PASSWORD, roles);
    }
}
