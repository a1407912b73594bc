package dev.jwtlib.lifecycle;

import dev.jwtlib.config.ConfigValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Verified email and password reset.
 *
 * @param requireVerifiedEmail whether a login needs a verified address
 *                             ({@code jwtlib.registration.require-verified-email})
 * @param verifyTtl            how long a verification code works ({@code jwtlib.email.verify-ttl})
 * @param resetTtl             how long a reset code works ({@code jwtlib.password.reset-ttl})
 * @param verifyLink           a link template with {@code {code}} to the application's own
 *                             verification page ({@code jwtlib.mail.verify-link}), or empty
 * @param resetLink            the same for the reset page ({@code jwtlib.mail.reset-link})
 */
public record LifecycleSettings(boolean requireVerifiedEmail, Duration verifyTtl, Duration resetTtl,
                                Optional<String> verifyLink, Optional<String> resetLink) {

    public static final String REQUIRE_VERIFIED_EMAIL = "jwtlib.registration.require-verified-email";
    public static final String VERIFY_LINK = "jwtlib.mail.verify-link";
    public static final String RESET_LINK = "jwtlib.mail.reset-link";

    /**
     * @throws IllegalStateException naming the key when a value is invalid
     */
    public static LifecycleSettings from(Config config) {
        return new LifecycleSettings(ConfigValues.bool(config, REQUIRE_VERIFIED_EMAIL, false),
                ConfigValues.duration(config, "jwtlib.email.verify-ttl", "P2D"),
                ConfigValues.duration(config, "jwtlib.password.reset-ttl", "PT30M"),
                link(config, VERIFY_LINK), link(config, RESET_LINK));
    }

    private static Optional<String> link(Config config, String key) {
        Optional<String> template = ConfigValues.optional(config, key);
        template.ifPresent(t -> {
            try {
                URI uri = new URI(t.replace("{code}", "CODE"));
                if (!t.contains("{code}") || uri.getHost() == null
                        || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                    throw new URISyntaxException(t, "not an absolute http(s) URL with {code}");
                }
            } catch (URISyntaxException e) {
                throw ConfigValues.invalid(key, t, "an absolute URL of your application's page with {code} in it, "
                        + "such as https://app.example.com/reset?code={code}");
            }
        });
        return template;
    }
}
