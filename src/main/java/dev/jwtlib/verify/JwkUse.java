package dev.jwtlib.verify;

import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * Whether a JWK may be used for one algorithm and one operation (RFC 7517 section 4): its
 * {@code use}, {@code key_ops} and {@code alg}, where present, must say so, and its key must be of
 * the algorithm's type, curve and strength. A key that says it is for something else is not used
 * for this.
 */
public final class JwkUse {

    /** The {@code key_ops} of verifying and of signing. */
    public static final String VERIFY = "verify";
    public static final String SIGN = "sign";

    private JwkUse() {
    }

    /** What makes {@code jwk} unusable for {@code operation} with {@code algorithm}, or empty. */
    public static Optional<String> problem(JsonWebKey jwk, TokenAlgorithm algorithm, String operation) {
        if (jwk.getUse() != null && !"sig".equals(jwk.getUse())) {
            return Optional.of("its use is '" + jwk.getUse() + "', not 'sig'");
        }
        List<String> operations = jwk.getKeyOps();
        if (operations != null && !operations.contains(operation)) {
            return Optional.of("its key_ops " + operations + " do not include '" + operation + "'");
        }
        if (jwk.getAlgorithm() != null && !algorithm.jwsName().equals(jwk.getAlgorithm())) {
            return Optional.of("its alg is '" + jwk.getAlgorithm() + "', not " + algorithm.jwsName());
        }
        if (!(jwk instanceof PublicJsonWebKey pair) || !algorithm.accepts(pair.getPublicKey())) {
            return Optional.of("it is not a " + algorithm.jwsName() + " key (type, curve, or an RSA key under "
                    + TokenAlgorithm.MIN_RSA_BITS + " bits)");
        }
        return Optional.empty();
    }
}
