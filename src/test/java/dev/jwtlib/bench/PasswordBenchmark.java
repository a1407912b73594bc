package dev.jwtlib.bench;

import dev.jwtlib.password.PasswordSettings;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The password check of a login at the configured (default) parameters, PBKDF2-SHA256 with
 * 600,000 iterations, 32-byte salt and 256-bit key, next to the raw JDK derivation with the same
 * parameters (JMH, not a test). Runs with {@link HotPathBenchmark}:
 * {@code mvn -q test-compile exec:exec -Pbench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PasswordBenchmark {

    /** The defaults of {@link PasswordSettings#from}. */
    private static final PasswordSettings SETTINGS =
            new PasswordSettings("PBKDF2WithHmacSHA256", 600_000, 32, 32, 15);
    private static final String PASSWORD = "correct horse battery staple";

    private Pbkdf2PasswordHashImpl hash;
    private String storedHash;
    private byte[] salt;
    private byte[] storedKey;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        hash = new Pbkdf2PasswordHashImpl();
        hash.initialize(SETTINGS.hashParameters());
        storedHash = hash.generate(PASSWORD.toCharArray());
        salt = new byte[SETTINGS.saltBytes()];
        new SecureRandom().nextBytes(salt);
        storedKey = derive();
        if (!loginPasswordCheck() || !rawPbkdf2()) {
            throw new IllegalStateException("The password does not check out");
        }
    }

    /** The password check of a login: soteria's Pbkdf2PasswordHash, as jwtlib configures it. */
    @Benchmark
    public boolean loginPasswordCheck() {
        return hash.verify(PASSWORD.toCharArray(), storedHash);
    }

    /** The baseline: the JDK's PBKDF2 with the same parameters and a constant-time comparison. */
    @Benchmark
    public boolean rawPbkdf2() throws GeneralSecurityException {
        return MessageDigest.isEqual(derive(), storedKey);
    }

    private byte[] derive() throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(PASSWORD.toCharArray(), salt, SETTINGS.iterations(), SETTINGS.keyBytes() * 8);
        try {
            return SecretKeyFactory.getInstance(SETTINGS.algorithm()).generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }
}
