package dev.jwtlib.mfa;

import dev.jwtlib.account.Roles;
import dev.jwtlib.config.ConfigValues;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The second factor.
 *
 * @param requiredRoles users with any of these roles must enrol before their tokens reach
 *                      anything but the enrolment ({@code jwtlib.mfa.required-roles})
 * @param issuerName    the name authenticator apps show for the account ({@code jwtlib.mfa.issuer-name})
 */
public record MfaSettings(Set<String> requiredRoles, String issuerName) {

    public static final String REQUIRED_ROLES = "jwtlib.mfa.required-roles";
    public static final String ISSUER_NAME = "jwtlib.mfa.issuer-name";

    public MfaSettings {
        requiredRoles = Set.copyOf(requiredRoles);
    }

    /**
     * @throws IllegalStateException naming the key when a value is invalid
     */
    public static MfaSettings from(Config config) {
        String roles = ConfigValues.optional(config, REQUIRED_ROLES).orElse("");
        Set<String> required = Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toSet());
        if (!Roles.ALL.containsAll(required)) {
            throw ConfigValues.invalid(REQUIRED_ROLES, roles, "a comma-separated list of " + String.join(", ", Roles.ALL.stream().sorted().toList()));
        }
        String name = ConfigValues.optional(config, ISSUER_NAME).orElse("jwtlib").trim();
        if (name.isEmpty() || name.length() > 64 || name.contains(":") || name.chars().anyMatch(Character::isISOControl)) {
            throw ConfigValues.invalid(ISSUER_NAME, name, "a short name without ':' or control characters");
        }
        return new MfaSettings(required, name);
    }

    /** Whether a user with these roles must use a second factor. */
    public boolean required(Set<String> roles) {
        return roles.stream().anyMatch(requiredRoles::contains);
    }
}
