package dev.jwtlib.token;

import java.util.List;

/** The generated signing keys every instance signs and verifies with. */
public interface SigningKeys {

    /** Every stored key of one algorithm ({@code alg} as in JWS). */
    List<StoredSigningKey> all(String alg);

    /** @return {@code false}, and nothing stored, when a key with this {@code kid} exists already */
    boolean add(StoredSigningKey key);

    /** Stores {@code key} in place of the one with its {@code kid}. */
    void replace(StoredSigningKey key);

    void remove(String kid);
}
