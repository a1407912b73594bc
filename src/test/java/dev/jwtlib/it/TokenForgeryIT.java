package dev.jwtlib.it;

import static dev.jwtlib.it.Api.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forged, tampered and wrong-algorithm tokens against a protected user endpoint and an admin
 * endpoint: every one is a 401 with an {@code invalid_token} challenge, never a 200 or a 5xx.
 * The JWKS the forgeries start from is the server's own.
 */
class TokenForgeryIT extends DeployedService {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private String genuine;
    private String kid;
    private String jwks;

    @BeforeEach
    void genuineToken() {
        genuine = api.accessToken(api.newUser("forge"));
        Api.Reply reply = api.get("/.well-known/jwks.json", null);
        jwks = reply.body();
        // the key that signs now; after a rotation the set holds more than one
        kid = header(genuine).getString("kid");
    }

    @Test
    void jwksWhenFetchedThenPublicKeysOnlyWithKidAlgUse() {
        Api.Reply reply = api.get("/.well-known/jwks.json", null);
        assertEquals(200, reply.status());
        assertTrue(reply.header("Cache-Control").contains("max-age"), reply.header("Cache-Control"));
        var keys = reply.json().getJsonArray("keys").getValuesAs(JsonObject.class);
        for (JsonObject key : keys) {
            assertEquals("EC", key.getString("kty"));
            assertEquals("P-256", key.getString("crv"));
            assertEquals("ES256", key.getString("alg"));
            assertEquals("sig", key.getString("use"));
            assertFalse(key.containsKey("d"), "private key published");
        }
        assertTrue(keys.stream().anyMatch(key -> kid.equals(key.getString("kid"))), "the signing key is published");
    }

    @Test
    void genuineTokenWhenPresentedThenAccepted() {
        assertEquals(200, api.get("/api/auth/me", genuine).status());
    }

    @Test
    void tokenWhenAlgIsNoneThenRejected() {
        rejectedEverywhere(encode(Json.createObjectBuilder().add("alg", "none").add("kid", kid).build())
                + "." + adminPayload() + ".");
    }

    @Test
    void tokenWhenHmacSignedWithPublicKeyThenRejected() throws Exception {
        String signingInput = encode(Json.createObjectBuilder().add("alg", "HS256").add("kid", kid).build())
                + "." + adminPayload();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(jwks.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        rejectedEverywhere(signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void tokenWhenSignedWithForeignKeyUnderServerKidThenRejected() throws Exception {
        rejectedEverywhere(es256(Json.createObjectBuilder().add("alg", "ES256").add("kid", kid).build(), adminPayload()));
    }

    @Test
    void tokenWhenKidUnknownThenRejected() throws Exception {
        rejectedEverywhere(es256(Json.createObjectBuilder().add("alg", "ES256").add("kid", "not-a-kid").build(),
                adminPayload()));
    }

    @Test
    void tokenWhenCarryingJwkOrJkuOrX5uHeaderThenRejected() throws Exception {
        KeyPair attacker = ecKeyPair();
        var point = ((java.security.interfaces.ECPublicKey) attacker.getPublic()).getW();
        JsonObject jwk = Json.createObjectBuilder().add("kty", "EC").add("crv", "P-256")
                .add("x", B64.encodeToString(fixed(point.getAffineX().toByteArray())))
                .add("y", B64.encodeToString(fixed(point.getAffineY().toByteArray()))).build();
        rejectedEverywhere(es256(attacker, Json.createObjectBuilder().add("alg", "ES256").add("kid", kid)
                .add("jwk", jwk).build(), adminPayload()));
        rejectedEverywhere(es256(attacker, Json.createObjectBuilder().add("alg", "ES256").add("kid", kid)
                .add("jku", "http://127.0.0.1:1/jwks.json").build(), adminPayload()));
        rejectedEverywhere(es256(attacker, Json.createObjectBuilder().add("alg", "ES256").add("kid", kid)
                .add("x5u", "http://127.0.0.1:1/cert.pem").build(), adminPayload()));
    }

    @Test
    void tokenWhenPayloadTamperedThenRejected() {
        String[] parts = genuine.split("\\.");
        rejectedEverywhere(parts[0] + "." + adminPayload() + "." + parts[2]);
    }

    @Test
    void tokenWhenSignatureTruncatedOrMissingThenRejected() {
        String[] parts = genuine.split("\\.");
        rejectedEverywhere(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20));
        rejectedEverywhere(parts[0] + "." + parts[1] + ".");
        rejectedEverywhere(parts[0] + "." + parts[1]);
    }

    @Test
    void tokenWhenOversizedThenRejected() {
        rejectedEverywhere(genuine + "A".repeat(16 * 1024));
    }

    private void rejectedEverywhere(String token) {
        assertInvalidToken(api.get("/api/auth/me", token));
        assertInvalidToken(api.get("/api/admin/users", token));
    }

    /** The genuine token's payload with the admin role added. */
    private String adminPayload() {
        JsonObject payload = decode(genuine.split("\\.")[1]);
        return encode(Json.createObjectBuilder(payload)
                .add("groups", Json.createArrayBuilder().add("user").add("admin")).build());
    }

    private static String es256(JsonObject header, String payload) throws Exception {
        return es256(ecKeyPair(), header, payload);
    }

    private static String es256(KeyPair key, JsonObject header, String payload) throws Exception {
        String signingInput = encode(header) + "." + payload;
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        byte[] jose = EcdsaUsingShaAlgorithm.convertDerToConcatenated(signature.sign(), 64);
        return signingInput + "." + B64.encodeToString(jose);
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static byte[] fixed(byte[] value) {
        byte[] out = new byte[32];
        int copy = Math.min(32, value.length);
        System.arraycopy(value, value.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static String encode(JsonObject json) {
        return B64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject decode(String part) {
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static JsonObject header(String token) {
        return decode(token.split("\\.")[0]);
    }
}
