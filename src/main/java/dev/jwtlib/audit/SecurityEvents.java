package dev.jwtlib.audit;

import dev.jwtlib.http.ClientAddresses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Where the service says what happened, for operators: each security event becomes one audit
 * line, a JSON object ({@code time, event, outcome, username, source} and details; never a
 * password, hash or token) on the logger {@code jwtlib.audit}, and a count in MicroProfile
 * Metrics when the server offers it ({@code /metrics} on Liberty). Where it offers none (WildFly's
 * standard configuration) the counts are skipped and nothing fails.
 */
@ApplicationScoped
public class SecurityEvents {

    /** One factory, not a provider lookup (a ServiceLoader scan) per call of {@code Json.createObjectBuilder}. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private static final Logger AUDIT = Logger.getLogger("jwtlib.audit");
    /** The caller's address for work done off the request thread ({@link #asCaller}). */
    private static final ThreadLocal<String> CALLER = new ThreadLocal<>();

    @Inject
    Instance<HttpServletRequest> request;
    @Inject
    Instance<ClientAddresses> addresses;
    @Inject
    Instance<MetricRegistry> registries;
    @Inject
    Clock clock;

    private MetricRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private Timer hashing;

    /** For CDI, which injects the fields. */
    public SecurityEvents() {
    }

    /** Audit lines only, no counts and no caller address: for use without a container (tests, benchmarks). */
    public SecurityEvents(Clock clock) {
        this.clock = clock;
    }

    @PostConstruct
    void init() {
        if (registries != null && registries.isResolvable()) {
            registry = registries.get();
            hashing = registry.timer(Metadata.builder().withName("jwtlib.password.hash")
                    .withDescription("Time of each PBKDF2 password hash or check").build());
        }
    }

    /** Whether counts go to MicroProfile Metrics here. */
    public boolean metricsEnabled() {
        return registry != null;
    }

    /**
     * A login: {@code success}, {@code bad_credentials}, {@code locked} or {@code throttled}.
     * Logins run off the request thread, so the caller's address is given.
     */
    public void login(String username, String outcome, String source) {
        count("jwtlib.logins", "Logins by outcome", "outcome", outcome);
        audit("login", outcome, username, source, null);
    }

    /** A refresh: {@code success}, {@code refused} or {@code reuse_detected}. */
    public void refresh(String username, String outcome) {
        count("jwtlib.refreshes", "Refresh-token exchanges by outcome", "outcome", outcome);
        if (!"success".equals(outcome)) {
            audit("refresh", outcome, username, null);
        }
    }

    /** An introspection call: {@code active} or {@code inactive}. Counted, not audited (one per call). */
    public void introspection(String outcome) {
        count("jwtlib.introspections", "Introspection answers by outcome", "outcome", outcome);
    }

    /** Tokens ended before their time: {@code token}, {@code session} (a login) or {@code user} (all of a user's). */
    public void revocation(String kind) {
        count("jwtlib.revocations", "Revocations by kind", "kind", kind);
    }

    public void logout(String username) {
        audit("logout", "success", username, null);
    }

    public void registration(String username) {
        count("jwtlib.registrations", "New accounts", null, null);
        audit("register", "success", username, null);
    }

    public void passwordChange(String username, String outcome) {
        audit("password_change", outcome, username, null);
    }

    /**
     * Failed logins locked the account: for {@code lockout} from one {@code source}, or, when
     * {@code lockout} is {@code null}, for every source until an administrator unlocks it (the
     * last failure came from {@code source}).
     */
    public void lockout(String name, String source, Duration lockout) {
        if (lockout == null) {
            audit("lockout", "locked_account", name, source, null);
        } else {
            audit("lockout", "locked", name, source, Map.of("lockout_seconds", Long.toString(lockout.toSeconds())));
        }
    }

    /** A service client's credentials at the introspection endpoint: {@code success} is counted only. */
    public void clientAuthentication(String clientId, String outcome) {
        count("jwtlib.client_authentications", "Client authentications by outcome", "outcome", outcome);
        if (!"success".equals(outcome)) {
            audit("client_authentication", outcome, clientId, null);
        }
    }

    /** An administrator's change to a user: {@code changed} or {@code deleted}. */
    public void userAdministration(String username, String outcome, String by, Map<String, String> details) {
        Map<String, String> all = new java.util.LinkedHashMap<>(details);
        all.put("by", by);
        audit("user_admin", outcome, username, all);
    }

    /** An administrator's change to an OAuth client: {@code created}, {@code secret_replaced} or {@code deleted}. */
    public void clientAdministration(String clientId, String outcome, String by, Map<String, String> details) {
        Map<String, String> all = new java.util.LinkedHashMap<>(details);
        all.put("by", by);
        all.put("client_id", clientId);
        audit("client_admin", outcome, null, all);
    }

    /** A token issued to a client for itself ({@code client_credentials}). */
    public void clientToken(String clientId) {
        count("jwtlib.client_tokens", "Tokens issued to clients for themselves", null, null);
    }

    /** A mail of this kind was {@code sent}, or an attempt failed and is {@code retried}. Counted. */
    public void mail(String kind, String outcome) {
        count("jwtlib.mails", "Mails by outcome", "outcome", outcome);
    }

    /** A mail was given up: counted ({@code failed}) and audited, never silently lost. */
    public void mailFailed(String kind, String username, String why) {
        count("jwtlib.mails", "Mails by outcome", "outcome", "failed");
        audit("mail", "failed", username, Map.of("kind", kind, "reason", why));
    }

    /**
     * Email verification: a code was {@code sent} (queued), the address {@code verified}, or a
     * code {@code refused} (unknown, used, superseded or expired: never which).
     */
    public void emailVerification(String username, String outcome) {
        audit("email_verification", outcome, username, null);
    }

    /**
     * Password reset: {@code requested} (for an account that exists; {@code unknown_account} for
     * a name or address without one), {@code reset}, {@code refused} (a code that does not work),
     * {@code admin_requested} ({@code by} an administrator).
     */
    public void passwordReset(String username, String outcome, Map<String, String> details) {
        audit("password_reset", outcome, username, details);
    }

    /**
     * The second factor: {@code enrolment_started}, {@code enabled}, {@code disabled},
     * {@code recovery_codes_renewed}, {@code admin_reset} ({@code by} an administrator),
     * {@code recovery_code_used} (with {@code remaining}), {@code code_refused}.
     */
    public void mfa(String username, String outcome, Map<String, String> details) {
        audit("mfa", outcome, username, details);
    }

    public void signingKey(String kid, String outcome) {
        audit("signing_key", outcome, null, Map.of("kid", kid));
    }

    /** How long one PBKDF2 hash or check took. */
    public void hashed(Duration took) {
        if (hashing != null) {
            hashing.update(took);
        }
    }

    private void count(String name, String description, String tag, String value) {
        if (registry == null) {
            return;
        }
        counters.computeIfAbsent(name + '|' + value, key -> {
            Metadata metadata = Metadata.builder().withName(name).withDescription(description).build();
            return tag == null ? registry.counter(metadata) : registry.counter(metadata, new Tag(tag, value));
        }).inc();
    }

    private void audit(String event, String outcome, String username, Map<String, String> details) {
        audit(event, outcome, username, source(), details);
    }

    private void audit(String event, String outcome, String username, String source, Map<String, String> details) {
        JsonObjectBuilder line = JSON.createObjectBuilder()
                .add("time", clock.instant().toString())
                .add("event", event)
                .add("outcome", outcome);
        if (username != null) {
            line.add("username", username);
        }
        if (source != null) {
            line.add("source", source);
        }
        if (details != null) {
            details.forEach(line::add);
        }
        AUDIT.info(line.build().toString());
    }

    /**
     * Runs {@code work} (on a thread of its own, such as a hashing thread) with the events it
     * records attributed to the caller at {@code source}.
     */
    public <T> T asCaller(String source, Supplier<T> work) {
        CALLER.set(source);
        try {
            return work.get();
        } finally {
            CALLER.remove();
        }
    }

    /** The caller's address, when there is a request or {@link #asCaller} names one (none at start-up). */
    private String source() {
        if (CALLER.get() != null) {
            return CALLER.get();
        }
        try {
            if (request == null || !request.isResolvable()) {
                return null;
            }
            return addresses != null && addresses.isResolvable() ? addresses.get().of(request.get())
                    : request.get().getRemoteAddr();
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null;
        }
    }
}
