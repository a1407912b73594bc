package dev.jwtlib.password;

import dev.jwtlib.audit.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.function.Supplier;

/**
 * The platform's {@link Pbkdf2PasswordHash}, initialised from {@link PasswordSettings}, plus a
 * dummy hash so that checking a password for an unknown user costs the same as a wrong password.
 */
@ApplicationScoped
public class PasswordHasher {

    private SecurityEvents events;
    private Pbkdf2PasswordHash hash;
    private PasswordSettings settings;

    private String dummy;
    /** A moving average of how long one hash takes here, in nanoseconds. */
    private final java.util.concurrent.atomic.AtomicLong typicalNanos = new java.util.concurrent.atomic.AtomicLong();

    /** Initialises {@code hash} with the settings and times one hash (the dummy's). */
    @Inject
    public PasswordHasher(SecurityEvents events, Pbkdf2PasswordHash hash, PasswordSettings settings) {
        this.events = events;
        this.hash = hash;
        this.settings = settings;
        hash.initialize(settings.hashParameters());
        long start = System.nanoTime();
        dummy = hash.generate(java.util.UUID.randomUUID().toString().toCharArray());
        typicalNanos.set(System.nanoTime() - start);
    }

    /** For the CDI proxy (and a test's stand-in). */
    protected PasswordHasher() {
    }

    /** How long one hash or check typically takes on this machine (a moving average). */
    public java.time.Duration typicalHashTime() {
        return java.time.Duration.ofNanos(typicalNanos.get());
    }

    /** The hashing parameters in use, for the start-up log. */
    public String parameters() {
        return settings.algorithm() + ", " + settings.iterations() + " iterations, " + settings.saltBytes()
                + "-byte salt, " + settings.keyBytes() + "-byte key";
    }

    /**
     * A new salted hash of {@code password} in the platform's encoded form.
     *
     */
    public String hash(String password) {
        return bounded(() -> hash.generate(password.toCharArray()));
    }

    /**
     * Whether {@code password} matches {@code storedHash}; {@code null} checks against the dummy
     * hash and fails, at the same cost.
     *
     */
    public boolean verify(String password, String storedHash) {
        return bounded(() -> hash.verify(password.toCharArray(), storedHash == null ? dummy : storedHash)
                && storedHash != null);
    }

    /** Whether a stored hash was made with weaker parameters than configured now. */
    public boolean isWeakerThanConfigured(String storedHash) {
        return StoredHash.parse(storedHash).map(stored -> stored.weakerThan(settings)).orElse(true);
    }

    /** Times the work; how many run at once is {@link HashAdmission}'s to bound. */
    private <T> T bounded(Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            long took = System.nanoTime() - start;
            typicalNanos.updateAndGet(average -> average == 0 ? took : average + (took - average) / 8);
            events.hashed(java.time.Duration.ofNanos(took));
        }
    }
}
