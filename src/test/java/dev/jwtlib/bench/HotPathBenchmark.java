package dev.jwtlib.bench;

import dev.jwtlib.password.PasswordSettings;
import dev.jwtlib.token.BenchmarkAccess;
import java.util.concurrent.TimeUnit;
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
 * The costs behind a login and a protected request (JMH, not a test):
 * {@code mvn -q test-compile exec:exec -Pbench}. Figures are in the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathBenchmark {

    private BenchmarkAccess es256;
    private BenchmarkAccess rs256;
    private Pbkdf2PasswordHashImpl hash;
    private String storedHash;

    @Setup(Level.Trial)
    public void setUp() {
        es256 = new BenchmarkAccess("ES256");
        rs256 = new BenchmarkAccess("RS256");
        hash = new Pbkdf2PasswordHashImpl();
        hash.initialize(new PasswordSettings("PBKDF2WithHmacSHA256", 600_000, 32, 32, 15).hashParameters());
        storedHash = hash.generate("correct horse battery staple".toCharArray());
    }

    /** A protected request whose token was seen before: digest, cache lookup, revocation check. */
    @Benchmark
    public Object cachedToken() {
        return es256.cachedLookup();
    }

    /** A token seen for the first time: header checks and an ES256 signature verification. */
    @Benchmark
    public Object uncachedTokenEs256() {
        return es256.verifyUncached();
    }

    @Benchmark
    public Object uncachedTokenRs256() {
        return rs256.verifyUncached();
    }

    /** Signing a new access token (part of every login and refresh). */
    @Benchmark
    public Object issueEs256() {
        return es256.sign();
    }

    /** The password check of a login: PBKDF2-SHA256, 600,000 iterations. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 3, time = 3)
    public boolean loginPasswordCheck() {
        return hash.verify("correct horse battery staple".toCharArray(), storedHash);
    }
}
