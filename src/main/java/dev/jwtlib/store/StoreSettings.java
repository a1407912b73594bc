package dev.jwtlib.store;

import dev.jwtlib.config.ConfigValues;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where state is kept.
 *
 * @param url           a MongoDB connection string, or empty for the embedded store ({@code jwtlib.mongodb.url})
 * @param database      the database name ({@code jwtlib.mongodb.database})
 * @param embeddedPath  the embedded store's data file ({@code jwtlib.store.path})
 * @param embeddedPort  the embedded store's loopback port, 0 for any free one ({@code jwtlib.store.port});
 *                      fix it to let another instance share the store through {@code jwtlib.mongodb.url}
 */
public record StoreSettings(Optional<String> url, String database, Path embeddedPath, int embeddedPort) {

    public static StoreSettings from(Config config) {
        return new StoreSettings(
                ConfigValues.optional(config, "jwtlib.mongodb.url"),
                ConfigValues.string(config, "jwtlib.mongodb.database", "jwtlib"),
                ConfigValues.optional(config, "jwtlib.store.path").map(Path::of).orElseGet(StoreSettings::defaultPath),
                ConfigValues.integer(config, "jwtlib.store.port", 0, 0, 65535));
    }

    /** WildFly's data directory, else the working directory. */
    private static Path defaultPath() {
        String base = System.getProperty("jboss.server.data.dir", System.getProperty("user.dir"));
        return Path.of(base, "jwtlib-store.mv");
    }
}
