package dev.jwtlib.token;

import dev.jwtlib.verify.TokenAlgorithm;
import java.security.PublicKey;
import java.time.Instant;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** Signing keys as JWKs (RFC 7517): the private form the store keeps, the public form the JWKS shows. */
final class KeyCodec {

    private KeyCodec() {
    }

    static StoredSigningKey toStored(SigningKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.publicKey());
            jwk.setPrivateKey(key.privateKey());
            jwk.setKeyId(key.kid());
            return new StoredSigningKey(key.kid(), key.algorithm().jwsName(),
                    jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), key.createdAt().toEpochMilli(),
                    key.activatesAt().toEpochMilli());
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot encode signing key " + key.kid(), e);
        }
    }

    /**
     * @throws IllegalStateException when the stored key cannot be read
     */
    static SigningKey fromStored(StoredSigningKey stored) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(stored.privateJwk());
            Instant created = Instant.ofEpochMilli(stored.createdAt());
            Instant activates = stored.activatesAt() == 0 ? created : Instant.ofEpochMilli(stored.activatesAt());
            return new SigningKey(stored.kid(), TokenAlgorithm.fromConfig(stored.alg()), jwk.getPrivateKey(),
                    jwk.getPublicKey(), created, activates);
        } catch (JoseException e) {
            throw new IllegalStateException("Signing key " + stored.kid() + " in the store cannot be read", e);
        }
    }

    /** The public half, with {@code kid}, {@code alg} and {@code use: sig}. */
    static PublicJsonWebKey publicJwk(SigningKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.publicKey());
            jwk.setKeyId(key.kid());
            jwk.setAlgorithm(key.algorithm().jwsName());
            jwk.setUse("sig");
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot encode public key " + key.kid(), e);
        }
    }

    /** The RFC 7638 thumbprint (SHA-256, base64url) of a public key: a kid that names the key itself. */
    static String thumbprint(PublicKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot describe a " + key.getAlgorithm() + " key as a JWK", e);
        }
    }
}
