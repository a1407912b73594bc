package dev.jwtlib.verify;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks of public keys that the JDK does not make when it builds them from numbers, for keys
 * that arrive from outside (a JWK Set, a key file): an EC point must lie on its curve (an
 * invalid-curve point leaks the signer's secret in key agreement and signs nothing), an RSA
 * exponent must be odd and at least 3 (with {@code e = 1} anyone "signs"), and an RSA modulus
 * must not have the structure of the ROCA weakness (CVE-2017-15361, whose private keys can be
 * computed from the public one).
 */
final class KeyChecks {

    /** The primes of the ROCA fingerprint (Nemec et al., "The Return of Coppersmith's Attack", CCS 2017). */
    private static final int[] ROCA_PRIMES = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73,
        79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167};
    private static final BigInteger THREE = BigInteger.valueOf(3);
    /** For each fingerprint prime, the residues 65537 generates modulo it. */
    private static final List<Set<Integer>> ROCA_SUBGROUPS = Arrays.stream(ROCA_PRIMES).mapToObj(KeyChecks::powersOf65537).toList();

    private KeyChecks() {
    }

    /** Whether the key's point lies on its curve (y² = x³ + ax + b over the prime field). */
    static boolean onCurve(ECPublicKey key) {
        EllipticCurve curve = key.getParams().getCurve();
        if (!(curve.getField() instanceof ECFieldFp field)) {
            return false;
        }
        BigInteger p = field.getP();
        ECPoint point = key.getW();
        if (point == ECPoint.POINT_INFINITY) {
            return false;
        }
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return left.equals(right);
    }

    /** An odd public exponent of at least 3, below the modulus, and a modulus without the ROCA fingerprint. */
    static boolean saneRsa(RSAPublicKey key) {
        BigInteger e = key.getPublicExponent();
        return e.testBit(0) && e.compareTo(THREE) >= 0 && e.compareTo(key.getModulus()) < 0 && !hasRocaFingerprint(key.getModulus());
    }

    /**
     * Whether the modulus, reduced modulo each fingerprint prime, falls in the subgroup that 65537
     * generates there: true for every ROCA-generated key, and for a random key with a probability
     * far below 2⁻¹⁰⁰.
     */
    static boolean hasRocaFingerprint(BigInteger modulus) {
        for (int i = 0; i < ROCA_PRIMES.length; i++) {
            int residue = modulus.mod(BigInteger.valueOf(ROCA_PRIMES[i])).intValue();
            if (!ROCA_SUBGROUPS.get(i).contains(residue)) {
                return false;
            }
        }
        return true;
    }

    private static Set<Integer> powersOf65537(int prime) {
        Set<Integer> powers = new HashSet<>();
        int generator = 65537 % prime;
        int value = 1;
        while (powers.add(value)) {
            value = value * generator % prime;
        }
        return powers;
    }
}
