package dev.jwtlib.token;

import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.verify.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/** Makes the {@link KeyRing} the configuration asks for: the operator's key file, or keys generated into the store. */
@ApplicationScoped
public class KeyRings {

    private static final Logger LOG = Logger.getLogger(KeyRings.class.getName());

    @Inject
    SigningKeys store;
    @Inject
    TokenSettings settings;
    @Inject
    KeySettings keySettings;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    @Produces
    @ApplicationScoped
    KeyRing keyRing() {
        KeyRing ring = create(store, settings, keySettings, events, clock);
        LOG.info(() -> "jwtlib: " + ring.describe());
        return ring;
    }

    /**
     * A ready ring: the keys of {@code jwtlib.keys.location}, else those in {@code store} (the
     * first one generated now when there is none).
     *
     * @throws IllegalStateException naming the key file and what is wrong with it
     */
    public static KeyRing create(SigningKeys store, TokenSettings settings, KeySettings keySettings,
                                 SecurityEvents events, Clock clock) {
        if (keySettings.location().isPresent()) {
            return new FileKeyRing(keySettings.location().get(), KeyFile.load(keySettings.location().get(), settings.algorithm()));
        }
        StoredKeyRing stored = new StoredKeyRing(store, KeyEncryption.from(keySettings), settings, keySettings, events, clock);
        stored.load();
        return stored;
    }
}
