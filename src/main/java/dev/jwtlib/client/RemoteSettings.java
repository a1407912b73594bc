package dev.jwtlib.client;

import dev.jwtlib.config.ConfigValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How an application that accepts the auth service's tokens reaches it.
 *
 * @param baseUrl             the auth service's base URL ({@code jwtlib.auth-service.url}), also the
 *                            default of the issuer required in tokens ({@code jwtlib.issuer})
 * @param jwksUrl             the auth service's JWK Set ({@code jwtlib.jwks.url}, default
 *                            {@code <jwtlib.auth-service.url>/.well-known/jwks.json})
 * @param introspectionUrl    its introspection endpoint ({@code jwtlib.introspection.url}, default
 *                            {@code <jwtlib.auth-service.url>/api/auth/introspect})
 * @param clientId            the service client's username ({@code jwtlib.introspection.client-id})
 * @param clientSecret        its password ({@code jwtlib.introspection.client-secret})
 * @param jwksCacheTtl        how long fetched keys are used before they are fetched again
 *                            ({@code jwtlib.jwks.cache-ttl})
 * @param jwksMinRefresh      the least time between two fetches, however many unknown key ids
 *                            arrive ({@code jwtlib.jwks.min-refresh-interval})
 * @param activeCacheTtl      how long an {@code active} answer is reused, never past the token's
 *                            expiry ({@code jwtlib.introspection.cache-ttl})
 * @param inactiveCacheTtl    how long an inactive answer is reused ({@code jwtlib.introspection.inactive-cache-ttl})
 * @param connectTimeout      ({@code jwtlib.auth-service.connect-timeout})
 * @param timeout             the most a call to the auth service may take ({@code jwtlib.auth-service.timeout})
 */
public record RemoteSettings(Optional<String> baseUrl, URI jwksUrl, URI introspectionUrl, Optional<String> clientId,
                             Optional<String> clientSecret, Duration jwksCacheTtl, Duration jwksMinRefresh,
                             Duration activeCacheTtl, Duration inactiveCacheTtl, Duration connectTimeout,
                             Duration timeout) {

    static final String BASE_URL = "jwtlib.auth-service.url";
    static final String JWKS_URL = "jwtlib.jwks.url";
    static final String INTROSPECTION_URL = "jwtlib.introspection.url";
    static final String CLIENT_ID = "jwtlib.introspection.client-id";
    static final String CLIENT_SECRET = "jwtlib.introspection.client-secret";

    /**
     * @throws IllegalStateException naming the key that is missing or invalid
     */
    public static RemoteSettings from(Config config) {
        Optional<String> base = ConfigValues.optional(config, BASE_URL).map(u -> u.replaceAll("/+$", ""));
        return new RemoteSettings(base,
                url(config, JWKS_URL, base.map(b -> b + "/.well-known/jwks.json")),
                url(config, INTROSPECTION_URL, base.map(b -> b + "/api/auth/introspect")),
                ConfigValues.optional(config, CLIENT_ID),
                ConfigValues.optional(config, CLIENT_SECRET),
                ConfigValues.duration(config, "jwtlib.jwks.cache-ttl", "PT5M"),
                ConfigValues.duration(config, "jwtlib.jwks.min-refresh-interval", "PT30S"),
                ConfigValues.duration(config, "jwtlib.introspection.cache-ttl", "PT5S"),
                ConfigValues.duration(config, "jwtlib.introspection.inactive-cache-ttl", "PT2S"),
                ConfigValues.duration(config, "jwtlib.auth-service.connect-timeout", "PT2S"),
                ConfigValues.duration(config, "jwtlib.auth-service.timeout", "PT5S"));
    }

    /**
     * The auth service's base URL, the default of the issuer the tokens must have.
     *
     * @throws IllegalStateException when it is not configured
     */
    public String authServiceUrl() {
        return baseUrl.orElseThrow(() -> missing(BASE_URL + " (or jwtlib.issuer)",
                "the auth service's base URL, such as https://auth.example.com"));
    }

    /** The client credentials introspection needs. */
    public String clientIdOrFail() {
        return clientId.orElseThrow(() -> missing(CLIENT_ID, "the client_id of an OAuth client of the auth service (POST /api/admin/clients)"));
    }

    public String clientSecretOrFail() {
        return clientSecret.orElseThrow(() -> missing(CLIENT_SECRET, "that client's secret"));
    }

    private static URI url(Config config, String key, Optional<String> derived) {
        Optional<String> raw = ConfigValues.optional(config, key).or(() -> derived);
        if (raw.isEmpty()) {
            throw missing(BASE_URL, "the auth service's base URL, such as https://auth.example.com");
        }
        try {
            URI uri = new URI(raw.get());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ConfigValues.invalid(key, raw.get(), "an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ConfigValues.invalid(key, raw.get(), "an http or https URL");
        }
    }

    private static IllegalStateException missing(String key, String what) {
        return new IllegalStateException("Configuration " + key + " is missing: set it to " + what + ".");
    }
}
