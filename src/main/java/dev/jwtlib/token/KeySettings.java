package dev.jwtlib.token;

import dev.jwtlib.config.ConfigValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Signing keys: rotation, where the operator's keys are, and how generated keys are protected.
 *
 * @param activationDelay        how long a new key is published before it signs
 *                               ({@code jwtlib.keys.activation-delay}); longer than the JWKS cache time
 * @param rotationInterval       how long a key signs before a new one is created
 *                               ({@code jwtlib.keys.rotation-interval})
 * @param location               a PEM or JWK file with the signing key(s); when set, these replace the
 *                               generated keys and rotation is the operator's ({@code jwtlib.keys.location})
 * @param encryptionKey          the key-encryption key, 32 bytes in base64, that encrypts the generated
 *                               private keys in the store ({@code jwtlib.keys.encryption-key})
 * @param encryptionKeyFile      where a generated key-encryption key is kept when none is configured
 *                               ({@code jwtlib.keys.encryption-key-file}, default beside the embedded store)
 * @param mayGenerateEncryptionKey whether one may be generated: only for the embedded store, which
 *                               one instance owns; instances sharing a MongoDB must share the key
 */
public record KeySettings(Duration activationDelay, Duration rotationInterval, Optional<Path> location,
                          Optional<String> encryptionKey, Path encryptionKeyFile, boolean mayGenerateEncryptionKey) {

    public static final String ENCRYPTION_KEY = "jwtlib.keys.encryption-key";
    public static final String ENCRYPTION_KEY_FILE = "jwtlib.keys.encryption-key-file";

    @Override
    public String toString() {
        return "KeySettings[activationDelay=" + activationDelay + ", rotationInterval=" + rotationInterval
                + ", location=" + location + ", encryptionKey=" + encryptionKey.map(k -> "***") + ", encryptionKeyFile="
                + encryptionKeyFile + "]";
    }

    /**
     * @param embeddedStore  whether the store is the embedded one
     * @param defaultKeyFile where a generated key-encryption key goes by default
     */
    public static KeySettings from(Config config, boolean embeddedStore, Path defaultKeyFile) {
        return new KeySettings(
                ConfigValues.duration(config, "jwtlib.keys.activation-delay", "PT10M"),
                ConfigValues.duration(config, "jwtlib.keys.rotation-interval", "P30D"),
                ConfigValues.optional(config, "jwtlib.keys.location").map(Path::of),
                ConfigValues.optional(config, ENCRYPTION_KEY),
                ConfigValues.optional(config, ENCRYPTION_KEY_FILE).map(Path::of).orElse(defaultKeyFile),
                embeddedStore);
    }
}
