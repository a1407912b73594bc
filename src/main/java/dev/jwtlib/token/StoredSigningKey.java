package dev.jwtlib.token;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A signing key as kept in the store ({@code signing_keys}), shared by every instance.
 *
 * @param kid        the key id, also the document id
 * @param alg        the JWS algorithm name
 * @param privateJwk the key pair as a private JWK (RFC 7517)
 * @param createdAt  epoch milliseconds
 * @param activatesAt epoch milliseconds from which it signs (0: from its creation)
 */
@Entity("signing_keys")
public record StoredSigningKey(
        @Id String kid,
        @Column("alg") String alg,
        @Column("private_jwk") String privateJwk,
        @Column("created_at") long createdAt,
        @Column("activates_at") long activatesAt) {
}
