package dev.jwtlib.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.verify.TokenAlgorithm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/**
 * Google's Wycheproof JWK Set vectors through the reader of {@code jwks} mode
 * ({@link RemoteJwks#parse}): a set a verifier must not use (a key for encryption, with the wrong
 * {@code key_ops}, an {@code alg} for another curve, a point off its curve, a 1024-bit or
 * exponent-1 or ROCA RSA key, duplicate {@code kid}s, a wrong {@code kty}) must give no key for
 * the token's {@code kid}; a valid one of an algorithm jwtlib takes must give the key that
 * verifies the token.
 */
class WycheproofJwkTest {

    private static JsonObject vectors() throws Exception {
        try (InputStream in = WycheproofJwkTest.class.getResourceAsStream("/wycheproof/json_web_key_test.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    private static JsonObject header(String jws) {
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))))))) {
            return reader.readObject();
        }
    }

    @Test
    void jwkVectorsThenOnlyKeysAVerifierMayUseAreRead() throws Exception {
        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        for (JsonValue value : vectors().getJsonArray("testGroups")) {
            JsonObject group = value.asJsonObject();
            JsonObject keys = group.containsKey("public") ? group.getJsonObject("public") : group.getJsonObject("private");
            String set = keys.containsKey("keys") ? keys.toString() : "{\"keys\":[" + keys + "]}";
            for (JsonValue t : group.getJsonArray("tests")) {
                JsonObject test = t.asJsonObject();
                String jws = test.getString("jws");
                JsonObject header = header(jws);
                String alg = header.getString("alg");
                boolean supported = List.of("ES256", "RS256", "PS256", "EdDSA").contains(alg);
                TokenAlgorithm algorithm = supported ? TokenAlgorithm.fromConfig(alg) : TokenAlgorithm.ES256;
                RemoteJwks reader = new RemoteJwks(URI.create("https://auth.example.com/.well-known/jwks.json"), algorithm,
                        Duration.ofMinutes(5), Duration.ofSeconds(30),
                        new AuthServiceClient(Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC());
                Map<String, PublicKey> read;
                try {
                    read = reader.parse(set);
                } catch (AuthServiceUnavailable e) {
                    read = Map.of(); // not a JWK Set jose4j can read at all
                }
                PublicKey key = read.get(header.getString("kid", ""));
                boolean verifies = key != null && supported && verifies(jws, alg, key);
                boolean valid = "valid".equals(test.getString("result"));
                if (verifies) {
                    accepted++;
                }
                if (verifies != valid && !(valid && !supported)) {
                    wrong.add(test.getInt("tcId") + " " + group.getString("comment") + "/" + test.getString("comment")
                            + " expected " + test.getString("result") + ", key read: " + (key != null));
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(accepted > 0, "the valid RS256 vector must get through, or the test shows nothing");
    }

    private static boolean verifies(String compact, String alg, PublicKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg));
            jws.setCompactSerialization(compact);
            jws.setKey(key);
            return jws.verifySignature();
        } catch (Exception e) {
            return false;
        }
    }
}
