package dev.jwtlib.mfa;

import dev.jwtlib.token.KeyEncryption;
import dev.jwtlib.token.KeySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The key-encryption key of the signing keys, also for TOTP secrets; taken when first needed,
 * so that a deployment with its own key file and no key-encryption key starts as before (and
 * only an enrolment then asks for {@code jwtlib.keys.encryption-key}).
 */
@ApplicationScoped
public class SecretSealing {

    @Inject
    KeySettings keySettings;

    private volatile KeyEncryption encryption;

    /**
     * @throws IllegalStateException naming the setting, when no key-encryption key can be had
     */
    public KeyEncryption encryption() {
        KeyEncryption current = encryption;
        if (current == null) {
            synchronized (this) {
                if (encryption == null) {
                    encryption = KeyEncryption.from(keySettings);
                }
                current = encryption;
            }
        }
        return current;
    }
}
