package dev.jwtlib.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * The auth service's real signing key, read from its store over the MongoDB wire protocol and
 * decrypted with the test servers' key-encryption key (AES-256-GCM, {@code enc:v1:<key id>:<iv and
 * ciphertext>}, the kid and alg authenticated), to mint tokens the service never would (already
 * expired) with a genuine signature.
 */
final class StoreSigningKey {

    private StoreSigningKey() {
    }

    /** A token signed with the service's current key whose {@code exp} is an hour past. */
    static String expiredToken(String currentToken, String username) {
        String kid = header(currentToken).replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
        try (MongoClient client = MongoClients.create(System.getProperty("jwtlib.it.store.url"))) {
            Document key = client.getDatabase("jwtlib").getCollection("signing_keys").find(Filters.eq("_id", kid)).first();
            if (key == null) {
                throw new IllegalStateException("no signing key " + kid + " in the store");
            }
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(decrypt(key));
            long now = Instant.now().getEpochSecond();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload("{\"iss\":\"jwtlib\",\"sub\":\"expired-user\",\"upn\":\"" + username
                    + "\",\"preferred_username\":\"" + username + "\",\"groups\":[\"user\"],\"iat\":" + (now - 4500)
                    + ",\"exp\":" + (now - 3600) + ",\"jti\":\"expired-" + now + "\"}");
            jws.setAlgorithmHeaderValue(key.getString("alg"));
            jws.setKeyIdHeaderValue(kid);
            jws.setHeader("typ", "JWT");
            jws.setKey(jwk.getPrivateKey());
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private JWK of a stored key, which the store holds encrypted only. */
    static String decrypt(Document key) {
        String sealed = key.getString("private_jwk");
        if (!sealed.startsWith("enc:v1:")) {
            throw new AssertionError("signing key " + key.get("_id") + " is stored in clear");
        }
        byte[] data = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(
                    System.getProperty("jwtlib.it.keys.encryption-key")), "AES"), new GCMParameterSpec(128, data, 0, 12));
            cipher.updateAAD((key.get("_id") + "|" + key.getString("alg")).getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, 12, data.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt signing key " + key.get("_id"), e);
        }
    }

    static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
    }
}
