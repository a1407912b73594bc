package dev.jwtlib.account;

import com.mongodb.MongoException;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.http.ClientAddresses;
import dev.jwtlib.http.RateLimiter;
import dev.jwtlib.password.HashAdmission;
import dev.jwtlib.token.RevocationList;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A service client's HTTP Basic credentials on the introspection endpoint (RFC 7662 section 2.1),
 * checked against its account with the platform's {@code Pbkdf2PasswordHash} on the hashing
 * threads. Only accounts with the role {@code service} authenticate here
 * ({@link AccountService#authenticateService}). A wrong secret never locks the client: failures
 * are throttled per source address instead ({@value #FAILURES_PER_MINUTE} a minute, then
 * {@code 429} for that address only) and each one is audited.
 */
@ApplicationScoped
public class PasswordIdentityStore implements IdentityStore {

    /** How long a checked Basic credential is trusted without a new PBKDF2 check. */
    static final Duration CACHE_TTL = Duration.ofSeconds(60);
    /** Failed client authentications one source address may make in a minute. */
    static final int FAILURES_PER_MINUTE = 10;

    @Inject
    AccountService accounts;
    @Inject
    RevocationList revocations;
    @Inject
    HashAdmission hashing;
    @Inject
    SecurityEvents events;
    @Inject
    HttpServletRequest request;
    @Inject
    ClientAddresses addresses;
    @Inject
    Clock clock;

    private VerifiedCredentials verified;
    private RateLimiter failures;

    @PostConstruct
    void init() {
        verified = new VerifiedCredentials(CACHE_TTL, 10_000, clock);
        failures = new RateLimiter(FAILURES_PER_MINUTE, clock);
    }

    /**
     * Dispatches to the typed overload without the API's reflective default, whose method cache
     * outlives a redeployment on Liberty and then fails for the new application's classes.
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        return credential instanceof UsernamePasswordCredential typed ? validate(typed) : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /**
     * A credential checked in the last minute is trusted again unless the account's sessions were
     * ended since (password change, deactivation, role change, deletion).
     *
     * @throws dev.jwtlib.error.TooManyRequests when this source address failed too often lately
     * @throws AuthServiceUnavailable           when the store cannot be read or every hashing thread is busy
     */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String caller = credential.getCaller();
        String password = credential.getPasswordAsString();
        Instant now = clock.instant();
        Optional<VerifiedCredentials.Entry> cached = verified.get(caller, password)
                .filter(entry -> !revocations.userEndedSince(entry.userId(), entry.verifiedAt()));
        if (cached.isPresent()) {
            return new CredentialValidationResult(cached.get().username(), cached.get().roles());
        }
        String source = addresses.of(request);
        failures.requireAvailable(source);
        Optional<User> user;
        try {
            user = hashing.call(() -> accounts.authenticateService(caller, password));
        } catch (MongoException e) {
            throw new AuthServiceUnavailable("The user store cannot be reached; try again shortly.", e);
        }
        if (user.isEmpty()) {
            failures.take(source);
            events.clientAuthentication(caller.length() > 64 ? caller.substring(0, 64) : caller, "bad_credentials");
            return CredentialValidationResult.INVALID_RESULT;
        }
        verified.put(caller, password, new VerifiedCredentials.Entry(user.get().id(), user.get().username(),
                user.get().roleSet(), now));
        events.clientAuthentication(user.get().username(), "success");
        return new CredentialValidationResult(user.get().username(), user.get().roleSet());
    }
}
