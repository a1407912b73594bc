package dev.jwtlib.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.bson.Document;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * The auth service's real signing key, read from its store over the MongoDB wire protocol, to
 * mint tokens the service never would (already expired) with a genuine signature.
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
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.getString("private_jwk"));
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

    static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
    }
}
