package dev.jwtlib.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The auth service's own base URL when none is configured: {@code http://localhost:} and the
 * HTTP port the server listens on (Liberty's {@code jwtlib.http.port}, WildFly's
 * {@code jboss.http.port} plus its port offset), as a newcomer's first run needs. Behind a proxy
 * or with several instances, {@code jwtlib.issuer} names the public URL instead.
 */
public final class ServiceUrl {

    private ServiceUrl() {
    }

    public static String local(Config config) {
        Optional<Integer> liberty = config.getOptionalValue("jwtlib.http.port", String.class).flatMap(ServiceUrl::number);
        if (liberty.isPresent()) {
            return "http://localhost:" + liberty.get();
        }
        if (System.getProperty("jboss.home.dir") != null) {
            int port = number(System.getProperty("jboss.http.port", "8080")).orElse(8080)
                    + number(System.getProperty("jboss.socket.binding.port-offset", "0")).orElse(0);
            return "http://localhost:" + port;
        }
        return "http://localhost:9080";
    }

    /**
     * @throws IllegalStateException naming {@code key} unless {@code value} is an absolute http(s)
     *                               URL without query or fragment (RFC 8414 section 2, {@code issuer})
     */
    public static void check(String key, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ConfigValues.invalid(key, value, "an absolute http or https URL without query or fragment, "
                + "such as https://auth.example.com (the public URL of this service; RFC 8414)");
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
