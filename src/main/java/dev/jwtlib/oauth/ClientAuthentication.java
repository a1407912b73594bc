package dev.jwtlib.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.Challenge;
import dev.jwtlib.error.TooManyRequests;
import dev.jwtlib.http.ClientAddresses;
import dev.jwtlib.http.RateLimiter;
import dev.jwtlib.verify.Caches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Client authentication (RFC 6749 section 2.3.1), the step before the token, introspection and
 * revocation endpoints: {@code client_secret_basic} (HTTP Basic over the form-urlencoded id and
 * secret; a client that sends them unencoded, as {@code curl -u} does, is understood too) or
 * {@code client_secret_post} (the form's {@code client_id} and {@code client_secret}), never both
 * (a form {@code client_id} equal to the Basic one is no second method). A {@code client_id}
 * without a secret is a public client naming itself (section 3.2.1), as the first-party login
 * does: no client authentication, and no look-up, so the answer tells nothing about which ids
 * exist.
 *
 * <p>A wrong secret never locks the client, and the right one always works: secrets have 256
 * random bits (or at least 32 characters), so guessing is hopeless; failures are throttled per
 * source address all the same ({@value #FAILURES_PER_MINUTE} a minute, then {@code 429} for
 * failures from that address) and each one is audited.
 *
 * <p>A client is read from the store at most every {@link #CLIENT_CACHE_TTL} (a new secret or a
 * deletion made on another instance is noticed within that time), except where a
 * {@linkplain #authenticate(String, String, String, String, boolean) fresh read} is asked for.
 */
@ApplicationScoped
public class ClientAuthentication {

    static final int FAILURES_PER_MINUTE = 10;
    static final Duration CLIENT_CACHE_TTL = Duration.ofSeconds(5);
    private static final int MAX_ID_LENGTH = 256;

    /** What the request said about its client. */
    public sealed interface Result permits Authenticated, Anonymous, Failed {
    }

    /** Right credentials of this client. */
    public record Authenticated(OAuthClient client) implements Result {
    }

    /** No client credentials: nothing, or a public client's {@code client_id} alone. */
    public record Anonymous() implements Result {
    }

    /**
     * Credentials that did not authenticate.
     *
     * @param challenge the {@code WWW-Authenticate} for the answer
     */
    public record Failed(String reason, String challenge) implements Result {
    }

    /** The id and secret a request presents (and, for Basic, the pair as sent), or why they cannot be read. */
    record Presented(String clientId, String secret, String alternativeId, String alternativeSecret, String problem) {

        static Presented problem(String clientId, String problem) {
            return new Presented(clientId, null, null, null, problem);
        }
    }

    @Inject
    Clients clients;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    private RateLimiter failures;
    private Cache<String, Optional<OAuthClient>> cache;

    @PostConstruct
    void init() {
        failures = new RateLimiter(FAILURES_PER_MINUTE, clock);
        cache = Caches.newBuilder(clock).maximumSize(10_000).expireAfterWrite(CLIENT_CACHE_TTL).build();
    }

    /** {@link #authenticate(String, String, String, String, boolean)} with the client as read in the last few seconds. */
    public Result authenticate(String authorization, String formClientId, String formSecret, String source) {
        return authenticate(authorization, formClientId, formSecret, source, false);
    }

    /**
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param formClientId  the form's {@code client_id}, or {@code null}
     * @param formSecret    the form's {@code client_secret}, or {@code null}
     * @param source        the caller's address
     * @param fresh         whether to read the client from the store now (before issuing it a
     *                      token: a secret replaced on another instance must not mint one)
     * @throws TooManyRequests for a failure from an address that failed too often in the last minute
     */
    public Result authenticate(String authorization, String formClientId, String formSecret, String source,
                               boolean fresh) {
        boolean basic = authorization != null && authorization.strip().toLowerCase(Locale.ROOT).startsWith("basic ");
        if (!basic && formSecret == null) {
            return new Anonymous();
        }
        Presented presented;
        if (basic) {
            presented = fromBasic(authorization.strip().substring(6).strip());
            if (formSecret != null || (formClientId != null && !formClientId.equals(presented.clientId())
                    && !formClientId.equals(presented.alternativeId()))) {
                presented = Presented.problem(presented.clientId(),
                        "Use one way of client authentication, not both (RFC 6749 section 2.3).");
            }
        } else {
            presented = fromForm(formClientId, formSecret);
        }
        Optional<OAuthClient> client = Optional.empty();
        if (presented.problem() == null) {
            client = matching(presented.clientId(), presented.secret(), fresh);
            if (client.isEmpty() && presented.alternativeId() != null) {
                client = matching(presented.alternativeId(), presented.alternativeSecret(), fresh);
            }
        }
        if (client.isPresent()) {
            events.clientAuthentication(client.get().clientId(), "success");
            return new Authenticated(client.get());
        }
        try {
            failures.take(ClientAddresses.limitKey(source));
        } catch (TooManyRequests e) {
            events.clientAuthentication(shown(presented.clientId()), "throttled");
            throw e;
        }
        events.clientAuthentication(shown(presented.clientId()), "bad_credentials");
        return new Failed(presented.problem() != null ? presented.problem() : "The client id or secret is wrong.",
                Challenge.basic());
    }

    /** Forgets what was read of a client, after a change on this instance. */
    void forget(String clientId) {
        cache.invalidate(clientId);
    }

    /** Basic credentials: form-urlencoded as RFC 6749 section 2.3.1 says, or else as they are. */
    static Presented fromBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Presented.problem(null, "The Basic credentials are not base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Presented.problem(null, "The Basic credentials have no ':'.");
        }
        String rawId = decoded.substring(0, colon);
        String rawSecret = decoded.substring(colon + 1);
        Optional<String> id = formDecoded(rawId);
        Optional<String> secret = formDecoded(rawSecret);
        if (id.isEmpty() || secret.isEmpty()) {
            return new Presented(rawId, rawSecret, null, null, null);
        }
        boolean changed = !id.get().equals(rawId) || !secret.get().equals(rawSecret);
        return new Presented(id.get(), secret.get(), changed ? rawId : null, changed ? rawSecret : null, null);
    }

    private static Presented fromForm(String clientId, String secret) {
        if (clientId == null || clientId.isEmpty()) {
            return Presented.problem(clientId, "The client credentials are incomplete: client_id is missing.");
        }
        return new Presented(clientId, secret, null, null, null);
    }

    private Optional<OAuthClient> matching(String clientId, String secret, boolean fresh) {
        if (clientId.isEmpty() || clientId.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        Optional<OAuthClient> client;
        if (fresh) {
            client = clients.byId(clientId);
            cache.put(clientId, client);
        } else {
            client = cache.get(clientId, clients::byId);
        }
        return client.filter(c -> ClientSecrets.matches(secret, c.secretDigest()));
    }

    private static String shown(String clientId) {
        return clientId == null ? "" : clientId.length() > 64 ? clientId.substring(0, 64) : clientId;
    }

    private static Optional<String> formDecoded(String text) {
        try {
            return Optional.of(URLDecoder.decode(text, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
