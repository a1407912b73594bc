package dev.jwtlib.bench;

import dev.jwtlib.token.BenchmarkAccess;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The token costs behind a protected request and a login (JMH, not a test), for each supported
 * algorithm ({@code alg} parameter), next to the raw JDK signature check in the same run:
 * <ul>
 * <li>{@code verifyMiss}: a token seen for the first time, {@code TokenVerifier.verify} in full
 *     (header checks, SmallRye/jose4j signature and claims checks), no cache;</li>
 * <li>{@code rawJcaVerify}: the baseline, {@link Signature} {@code initVerify/update/verify} of the
 *     same token's signing input with the same key ({@code SHA256withECDSA} on the DER form of the
 *     ES256 signature, converted once in setup; {@code SHA256withRSA}; {@code RSASSA-PSS} with
 *     SHA-256/MGF1-SHA-256/32-byte salt; {@code Ed25519}). The {@code Signature} object is
 *     created once per trial, so the baseline holds no provider lookup;</li>
 * <li>{@code verifyHit}: a token seen before, as {@code AccessTokens} checks it: the
 *     {@code CachingTokenVerifier} (SHA-256 of the token, cache lookup) and the in-memory
 *     revocation lookups;</li>
 * <li>{@code issue}: signing a new access token (every login and refresh).</li>
 * </ul>
 * Targets: {@code verifyMiss} ≤ 1.3 × {@code rawJcaVerify} of the same {@code alg};
 * {@code verifyHit} &lt; 5 µs. The password check of a login is in {@link PasswordBenchmark}.
 *
 * <p>Run everything in {@code dev.jwtlib.bench} (this class and {@link PasswordBenchmark}, about
 * 4 minutes on 2 cores): {@code mvn -q test-compile exec:exec -Pbench}. The {@code bench} profile
 * runs {@code org.openjdk.jmh.Main dev.jwtlib.bench} on the test classpath; to run a subset, call
 * {@code org.openjdk.jmh.Main} with another regex, e.g. {@code HotPathBenchmark.verify -p alg=ES256}.
 * Figures are in the README.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HotPathBenchmark {

    @Param({"ES256", "RS256", "PS256", "EdDSA"})
    public String alg;

    private BenchmarkAccess access;
    private Signature jca;
    private PublicKey publicKey;
    private byte[] signingInput;
    private byte[] jcaSignature;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        access = new BenchmarkAccess(alg);
        if (!alg.equals(access.jwsAlgorithm())) {
            throw new IllegalStateException("Benchmarking " + access.jwsAlgorithm() + " instead of " + alg);
        }
        publicKey = access.publicKey();
        signingInput = access.signingInput();
        byte[] jwsSignature = access.signatureBytes();
        switch (alg) {
            case "ES256" -> {
                jca = Signature.getInstance("SHA256withECDSA");
                jcaSignature = concatenatedToDer(jwsSignature);
            }
            case "RS256" -> {
                jca = Signature.getInstance("SHA256withRSA");
                jcaSignature = jwsSignature;
            }
            case "PS256" -> {
                jca = Signature.getInstance("RSASSA-PSS");
                jca.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                jcaSignature = jwsSignature;
            }
            case "EdDSA" -> {
                jca = Signature.getInstance("Ed25519");
                jcaSignature = jwsSignature;
            }
            default -> throw new IllegalArgumentException("No JCA baseline for " + alg);
        }
        // The baseline must check the very signature the library checks, and accept it.
        if (!rawJcaVerify()) {
            throw new IllegalStateException("The raw JCA check refuses the " + alg + " token");
        }
        if (access.verifyUncached() == null || access.cachedLookup() == null) {
            throw new IllegalStateException("The " + alg + " token does not verify");
        }
    }

    @TearDown(Level.Trial)
    public void checkHitsStayedHits() {
        if (access.cachedLookupMisses() != 0) {
            throw new IllegalStateException("verifyHit missed the cache " + access.cachedLookupMisses()
                    + " times; its figure includes signature checks");
        }
    }

    /** A token seen for the first time: header checks, signature and claims, uncached. */
    @Benchmark
    public Object verifyMiss() {
        return access.verifyUncached();
    }

    /** A token seen before: digest, cache lookup, revocation lookups. */
    @Benchmark
    public Object verifyHit() {
        return access.cachedLookup();
    }

    /** The raw JDK signature check of the same token, with the same key: the floor for verifyMiss. */
    @Benchmark
    public boolean rawJcaVerify() throws GeneralSecurityException {
        jca.initVerify(publicKey);
        jca.update(signingInput);
        return jca.verify(jcaSignature);
    }

    /** Signing a new access token (part of every login and refresh). */
    @Benchmark
    public Object issue() {
        return access.sign();
    }

    /**
     * A JWS ECDSA signature (R||S, each 32 bytes unsigned big-endian) as the ASN.1 DER
     * {@code SEQUENCE { INTEGER r, INTEGER s }} the JCA's {@code SHA256withECDSA} takes.
     */
    static byte[] concatenatedToDer(byte[] jws) {
        if (jws.length != 64) {
            throw new IllegalArgumentException("An ES256 signature has 64 bytes, not " + jws.length);
        }
        // BigInteger.toByteArray: minimal two's complement, a leading 0 when the top bit is set.
        byte[] r = new BigInteger(1, Arrays.copyOfRange(jws, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(jws, 32, 64)).toByteArray();
        int contentLength = 2 + r.length + 2 + s.length; // at most 70: short-form lengths throughout
        byte[] der = new byte[2 + contentLength];
        int i = 0;
        der[i++] = 0x30;
        der[i++] = (byte) contentLength;
        der[i++] = 0x02;
        der[i++] = (byte) r.length;
        System.arraycopy(r, 0, der, i, r.length);
        i += r.length;
        der[i++] = 0x02;
        der[i++] = (byte) s.length;
        System.arraycopy(s, 0, der, i, s.length);
        return der;
    }
}
