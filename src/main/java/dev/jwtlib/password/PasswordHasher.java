package dev.jwtlib.password;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.logging.Logger;

/**
 * The platform's {@link Pbkdf2PasswordHash}, initialised from {@link PasswordSettings}, plus a
 * dummy hash so that checking a password for an unknown user costs the same as a wrong password.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

    @Inject
    Pbkdf2PasswordHash hash;
    @Inject
    PasswordSettings settings;

    private String dummy;

    @PostConstruct
    void init() {
        hash.initialize(settings.hashParameters());
        dummy = hash.generate(java.util.UUID.randomUUID().toString().toCharArray());
        LOG.info(() -> "jwtlib: passwords hashed with " + settings.algorithm() + ", "
                + settings.iterations() + " iterations, " + settings.saltBytes() + "-byte salt, "
                + settings.keyBytes() + "-byte key");
    }

    /** A new salted hash of {@code password} in the platform's encoded form. */
    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    /** Whether {@code password} matches {@code storedHash}; {@code null} checks against the dummy hash and fails. */
    public boolean verify(String password, String storedHash) {
        if (storedHash == null) {
            hash.verify(password.toCharArray(), dummy);
            return false;
        }
        return hash.verify(password.toCharArray(), storedHash);
    }
}
