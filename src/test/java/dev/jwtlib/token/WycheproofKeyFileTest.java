package dev.jwtlib.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.verify.JwkUse;
import dev.jwtlib.verify.TokenAlgorithm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The private keys of Google's Wycheproof JWS vectors through the operator's key file reader
 * ({@link KeyFile}), once for each algorithm jwtlib signs with: a key whose {@code use},
 * {@code key_ops} or {@code alg} says it is for something else, or of the wrong type, curve or
 * strength, is refused; any other is read as the same key pair.
 */
class WycheproofKeyFileTest {

    @TempDir
    Path directory;

    @Test
    void privateKeysThenReadOnlyWhenTheyMaySignWithTheAlgorithm() throws Exception {
        JsonObject vectors;
        try (InputStream in = getClass().getResourceAsStream("/wycheproof/json_web_signature_test.json");
             JsonReader reader = Json.createReader(in)) {
            vectors = reader.readObject();
        }
        List<String> wrong = new ArrayList<>();
        int read = 0;
        int refused = 0;
        int file = 0;
        for (JsonValue value : vectors.getJsonArray("testGroups")) {
            JsonObject group = value.asJsonObject();
            if (!group.containsKey("private") || !group.getJsonObject("private").containsKey("d")) {
                continue;
            }
            String json = group.getJsonObject("private").toString();
            JsonWebKey jwk = JsonWebKey.Factory.newJwk(json);
            Path path = Files.writeString(directory.resolve("key-" + file++ + ".jwk"), json);
            for (TokenAlgorithm algorithm : TokenAlgorithm.values()) {
                boolean usable = JwkUse.problem(jwk, algorithm, JwkUse.SIGN).isEmpty();
                try {
                    List<SigningKey> keys = KeyFile.load(path, algorithm);
                    read++;
                    if (!usable || !keys.get(0).publicKey().equals(((PublicJsonWebKey) jwk).getPublicKey())) {
                        wrong.add(group.getString("comment") + " read for " + algorithm.jwsName());
                    }
                } catch (IllegalStateException e) {
                    refused++;
                    if (usable) {
                        wrong.add(group.getString("comment") + " refused for " + algorithm.jwsName() + ": " + e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(read > 0 && refused > 0, "read " + read + ", refused " + refused);
    }
}
