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
 * @param trustedProxies     addresses or CIDR ranges whose {@code Forwarded} / {@code X-Forwarded-For}
 *                           header names the source address ({@code jwtlib.trusted-proxies})
 */
public record HttpSettings(int perSourcePerMinute, List<String> trustedProxies) {

    public static final String PER_SOURCE = "jwtlib.rate-limit.per-source";
    public static final String TRUSTED_PROXIES = "jwtlib.trusted-proxies";

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
        return new HttpSettings(ConfigValues.integer(config, PER_SOURCE, 300, 0, 1_000_000), proxies);
    }
}
