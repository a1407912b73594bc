package dev.jwtlib.http;

import dev.jwtlib.config.ConfigValues;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Who is calling and how often they may.
 *
 * @param perSourcePerMinute requests per minute one source address may make to the
 *                           unauthenticated endpoints, {@code 0} for no limit
 *                           ({@code jwtlib.rate-limit.per-source})
 * @param trustedProxies     addresses or CIDR ranges whose forwarding header names the source
 *                           address ({@code jwtlib.trusted-proxies})
 * @param forwardedHeader    the one header the trusted proxies set, {@code X-Forwarded-For} or
 *                           {@code Forwarded} (RFC 7239) ({@code jwtlib.forwarded-header}): the
 *                           other one, which a proxy passes on as the client sent it, is never read
 */
public record HttpSettings(int perSourcePerMinute, List<String> trustedProxies, String forwardedHeader) {

    public static final String PER_SOURCE = "jwtlib.rate-limit.per-source";
    public static final String TRUSTED_PROXIES = "jwtlib.trusted-proxies";
    public static final String FORWARDED_HEADER = "jwtlib.forwarded-header";
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    public static final String FORWARDED = "Forwarded";

    public HttpSettings {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * @throws IllegalStateException naming the key when a value is invalid
     */
    public static HttpSettings from(Config config) {
        List<String> proxies = ConfigValues.optional(config, TRUSTED_PROXIES)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        for (String proxy : proxies) {
            if (AddressRange.parse(proxy).isEmpty()) {
                throw ConfigValues.invalid(TRUSTED_PROXIES, proxy, "IP addresses or CIDR ranges, comma-separated");
            }
        }
        String header = ConfigValues.optional(config, FORWARDED_HEADER).orElse(X_FORWARDED_FOR);
        if (!header.equalsIgnoreCase(X_FORWARDED_FOR) && !header.equalsIgnoreCase(FORWARDED)) {
            throw ConfigValues.invalid(FORWARDED_HEADER, header, X_FORWARDED_FOR + " or " + FORWARDED);
        }
        return new HttpSettings(ConfigValues.integer(config, PER_SOURCE, 300, 0, 1_000_000), proxies,
                header.equalsIgnoreCase(FORWARDED) ? FORWARDED : X_FORWARDED_FOR);
    }
}
