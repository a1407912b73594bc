package dev.jwtlib.mechanism;

import dev.jwtlib.config.ConfigValues;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Cross-origin requests from browser apps (the Fetch standard's CORS protocol) for the origins
 * named in {@code jwtlib.cors.allowed-origins} (comma-separated {@code scheme://host[:port]}, or
 * {@code *} for any): their requests get {@code Access-Control-Allow-Origin}, also on refusals
 * ({@code 401}, {@code 403}, {@code 429}), so that the app can read why, and their preflights an
 * answer without credentials. No credentials mode: tokens travel in the {@code Authorization}
 * header, never in cookies, so {@code Access-Control-Allow-Credentials} is never sent. Nothing is
 * added for other origins, nor when no origin is configured (the default).
 */
public final class Cors {

    public static final String ALLOWED_ORIGINS = "jwtlib.cors.allowed-origins";
    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept";
    static final String EXPOSED_HEADERS = "WWW-Authenticate, Retry-After, Location";
    static final String MAX_AGE = "600";

    private final Set<String> origins;
    private final boolean any;

    Cors(Set<String> origins) {
        this.any = origins.contains("*");
        this.origins = origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @throws IllegalStateException naming the key when an origin is not {@code scheme://host[:port]}
     */
    public static Cors from(Config config) {
        Set<String> origins = ConfigValues.optional(config, ALLOWED_ORIGINS)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        for (String origin : origins) {
            if (!origin.equals("*") && !isOrigin(origin)) {
                throw ConfigValues.invalid(ALLOWED_ORIGINS, origin, "origins such as https://app.example.com, comma-separated, or *");
            }
        }
        return new Cors(origins);
    }

    private static boolean isOrigin(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawPath().isEmpty() && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public boolean enabled() {
        return any || !origins.isEmpty();
    }

    /** Whether the request is a CORS preflight: {@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}. */
    public static boolean isPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    /** Adds the CORS headers a response to this request needs (none for an origin not allowed). */
    public void apply(HttpServletRequest request, HttpServletResponse response) {
        if (!enabled()) {
            return;
        }
        if (!response.getHeaders("Vary").contains("Origin")) {
            response.addHeader("Vary", "Origin");
        }
        String origin = request.getHeader("Origin");
        if (origin == null || !allows(origin)) {
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", any ? "*" : origin);
        if (isPreflight(request)) {
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", MAX_AGE);
        } else {
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    /** Answers a preflight: {@code 204} with the headers, never a credential check. */
    public void answerPreflight(HttpServletRequest request, HttpServletResponse response) {
        apply(request, response);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    boolean allows(String origin) {
        return any || origins.contains(origin.toLowerCase(Locale.ROOT));
    }
}
