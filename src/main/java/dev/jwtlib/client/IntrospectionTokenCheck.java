package dev.jwtlib.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.mechanism.AccessTokenCheck;
import dev.jwtlib.mechanism.ForMode;
import dev.jwtlib.mechanism.Mode;
import dev.jwtlib.verify.Caches;
import dev.jwtlib.verify.TokenIds;
import dev.jwtlib.verify.TokenSettings;
import dev.jwtlib.verify.TokenVerifier;
import dev.jwtlib.verify.VerifiedToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * {@code jwtlib.mode=introspect}, the port of the Python {@code authenticate_request}: asks the
 * auth service's introspection endpoint (RFC 7662) with the service client's credentials. Answers
 * are reused for a short time, keyed by the token's digest: an active answer no longer than
 * {@code jwtlib.introspection.cache-ttl} and never past the token's expiry, an inactive one for
 * {@code jwtlib.introspection.inactive-cache-ttl}. The two are kept in separate bounded caches, so
 * that a flood of made-up tokens (inactive answers) never pushes an active answer out. When the auth service cannot be reached, answers
 * {@code 5xx}, refuses the client's credentials or says something that is not an introspection
 * answer, the request gets {@link AuthServiceUnavailable}: never access.
 */
@ApplicationScoped
@ForMode(Mode.INTROSPECT)
public class IntrospectionTokenCheck implements AccessTokenCheck {

    /** One factory, not a provider lookup (a ServiceLoader scan) per call of {@code Json.createReader}. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private static final Logger LOG = Logger.getLogger(IntrospectionTokenCheck.class.getName());
    private static final int ACTIVE_CAPACITY = 50_000;
    private static final int INACTIVE_CAPACITY = 10_000;

    @Inject
    Config config;

    private final Clock clock = Clock.systemUTC();
    /** The auth service's recent "active" answers by token digest. */
    private Cache<String, VerifiedToken> active;
    /** Digests of tokens the auth service recently called not active. */
    private Cache<String, Boolean> inactive;
    private TokenSettings tokenSettings;
    private RemoteSettings remote;
    private AuthServiceClient client;
    private String authorization;

    @PostConstruct
    void init() {
        remote = RemoteSettings.from(config);
        tokenSettings = TokenSettings.from(config, remote.baseUrl().orElse(""));
        if (tokenSettings.issuer().isEmpty()) {
            remote.authServiceUrl(); // says which setting is missing
        }
        // RFC 6749 section 2.3.1: the id and secret are form-urlencoded before they are joined
        String credentials = URLEncoder.encode(remote.clientIdOrFail(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(remote.clientSecretOrFail(), StandardCharsets.UTF_8);
        authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        client = new AuthServiceClient(remote.connectTimeout(), remote.timeout());
        active = Caches.newBuilder(clock)
                .maximumSize(ACTIVE_CAPACITY)
                .expireAfter(Expiry.creating((String digest, VerifiedToken token) -> activeLifetime(token)))
                .build();
        inactive = Caches.newBuilder(clock)
                .maximumSize(INACTIVE_CAPACITY)
                .expireAfterWrite(remote.inactiveCacheTtl())
                .build();
    }

    /** Reused for the configured time at most, and never past the token's own expiry. */
    private Duration activeLifetime(VerifiedToken token) {
        Duration untilExpiry = Duration.between(clock.instant(), token.expiresAt());
        Duration lifetime = untilExpiry.compareTo(remote.activeCacheTtl()) < 0 ? untilExpiry : remote.activeCacheTtl();
        return lifetime.isNegative() ? Duration.ZERO : lifetime;
    }

    @Override
    public VerifiedToken verify(String token) {
        // Garbage is refused here, without a call to the auth service.
        TokenVerifier.precheck(token, tokenSettings.algorithm());
        String digest = TokenIds.digest(token);
        VerifiedToken answer = active.getIfPresent(digest);
        if (answer != null) {
            return answer;
        }
        if (inactive.getIfPresent(digest) == null) {
            answer = ask(token);
            if (answer != null) {
                active.put(digest, answer);
                return answer;
            }
            inactive.put(digest, Boolean.TRUE);
        }
        throw InvalidToken.rejected("The auth service reports the token as not active.");
    }

    /** The token's claims when the auth service says it is active, else {@code null}. */
    private VerifiedToken ask(String token) {
        URI url = remote.introspectionUrl();
        HttpRequest request = client.request(url)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build();
        AuthServiceClient.Answer answer = client.send(request);
        if (answer.status() == 401 || answer.status() == 403) {
            LOG.severe(() -> "jwtlib: the auth service at " + url + " refused this application's client credentials (HTTP "
                    + answer.status() + "): check " + RemoteSettings.CLIENT_ID + " and " + RemoteSettings.CLIENT_SECRET
                    + ", and that the client exists and has the role 'service'");
            throw AuthServiceClient.unavailable(url, "HTTP " + answer.status() + " for the client credentials", null);
        }
        if (answer.status() != 200) {
            throw AuthServiceClient.unavailable(url, "HTTP " + answer.status(), null);
        }
        try {
            return parse(answer.body(), tokenSettings.issuer(), clock.instant());
        } catch (AuthServiceUnavailable e) {
            throw AuthServiceClient.unavailable(url, e.getMessage(), e);
        }
    }

    /**
     * Reads an RFC 7662 answer of the jwtlib auth service.
     *
     * @return the claims of an active token of {@code issuer} that has not expired at {@code now}
     *         (with the clock skew allowance), else {@code null}
     * @throws AuthServiceUnavailable when the answer is not an introspection answer
     */
    static VerifiedToken parse(String body, String issuer, Instant now) {
        JsonObject json;
        try (JsonReader reader = READERS.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new AuthServiceUnavailable("The auth service's introspection answer is not a JSON object.", e);
        }
        if (json.get("active") != JsonValue.TRUE) {
            if (json.get("active") != JsonValue.FALSE) {
                throw new AuthServiceUnavailable("The auth service's introspection answer has no boolean 'active'.", null);
            }
            return null;
        }
        Instant expiresAt = Instant.ofEpochSecond(number(json, "exp"));
        if (!issuer.equals(text(json, "iss")) || !now.isBefore(expiresAt.plus(TokenSettings.CLOCK_SKEW))) {
            return null;
        }
        Set<String> groups = new HashSet<>();
        if (json.get("groups") instanceof jakarta.json.JsonArray array) {
            for (JsonValue value : array) {
                if (!(value instanceof JsonString group)) {
                    throw malformed("groups");
                }
                groups.add(group.getString());
            }
        } else {
            throw malformed("groups");
        }
        return new VerifiedToken(text(json, "sub"), text(json, "username"), groups, text(json, "iss"),
                Instant.ofEpochSecond(number(json, "iat")), expiresAt, text(json, "jti"), null, null, strings(json, "amr"));
    }

    /** An optional array of strings (an older auth service sends no {@code amr}). */
    private static List<String> strings(JsonObject json, String name) {
        if (!json.containsKey(name)) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (json.get(name) instanceof jakarta.json.JsonArray array) {
            for (JsonValue value : array) {
                if (!(value instanceof JsonString text)) {
                    throw malformed(name);
                }
                values.add(text.getString());
            }
            return values;
        }
        throw malformed(name);
    }

    private static String text(JsonObject json, String name) {
        if (json.get(name) instanceof JsonString value && !value.getString().isEmpty()) {
            return value.getString();
        }
        throw malformed(name);
    }

    private static long number(JsonObject json, String name) {
        if (json.get(name) instanceof JsonNumber value && value.isIntegral()) {
            return value.longValue();
        }
        throw malformed(name);
    }

    private static AuthServiceUnavailable malformed(String field) {
        return new AuthServiceUnavailable("The auth service's introspection answer has no valid '" + field + "'.", null);
    }

    @Override
    public String describe() {
        return "introspect: every new token is sent to " + remote.introspectionUrl() + " as client '"
                + remote.clientIdOrFail() + "'; active answers reused for " + remote.activeCacheTtl()
                + " at most (never past the token's expiry), inactive ones for " + remote.inactiveCacheTtl()
                + "; calls time out after " + remote.timeout() + " (connect " + remote.connectTimeout()
                + ") and then answer 503";
    }
}
