package dev.jwtlib.account;

import dev.jwtlib.config.ConfigValues;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * An administrator to create at start-up when it does not exist yet
 * ({@code jwtlib.bootstrap.admin.username}, {@code jwtlib.bootstrap.admin.password}).
 */
public record BootstrapAdminSettings(Optional<String> username, Optional<String> password) {

    public static BootstrapAdminSettings from(Config config) {
        return new BootstrapAdminSettings(
                ConfigValues.optional(config, "jwtlib.bootstrap.admin.username"),
                config.getOptionalValue("jwtlib.bootstrap.admin.password", String.class));
    }

    @Override
    public String toString() {
        return "BootstrapAdminSettings[username=" + username.orElse("") + "]";
    }
}
