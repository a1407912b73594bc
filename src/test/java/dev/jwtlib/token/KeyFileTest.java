package dev.jwtlib.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.verify.TokenAlgorithm;
import dev.jwtlib.verify.TokenSettings;
import dev.jwtlib.verify.TokenVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operator-managed keys ({@code jwtlib.keys.location}) in the formats operators have. */
class KeyFileTest {

    @TempDir
    Path dir;

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    /** A key loaded from a file signs tokens that the verifier accepts with that same key. */
    private static void assertSignsAndVerifies(SigningKey key, TokenAlgorithm algorithm) {
        TokenSettings settings = new TokenSettings("jwtlib", Optional.empty(), Duration.ofMinutes(15), algorithm);
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        String token = TokenIssuer.sign(AccessTokenClaims.of(new TokenSubject("u", "alice", Set.of("user")), null,
                Amr.PASSWORD, settings, now, "j"), key);
        TokenVerifier verifier = new TokenVerifier(settings, kid -> kid.equals(key.kid()) ? Optional.of(key.publicKey())
                : Optional.empty(), java.time.Clock.systemUTC());
        assertEquals("alice", verifier.verify(token).username());
    }

    @Test
    void loadWhenPkcs8RsaPemThenPublicDerivedAndKidIsThumbprint() throws Exception {
        KeyPair pair = TokenAlgorithm.RS256.generateKeyPair();
        List<SigningKey> keys = KeyFile.load(write("rsa.pem", pem("PRIVATE KEY", pair.getPrivate().getEncoded())),
                TokenAlgorithm.RS256);
        assertEquals(1, keys.size());
        assertEquals(PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic()).calculateBase64urlEncodedThumbprint("SHA-256"),
                keys.get(0).kid());
        assertSignsAndVerifies(keys.get(0), TokenAlgorithm.RS256);
    }

    @Test
    void loadWhenEcPemWithPublicBlockThenUsable() throws Exception {
        KeyPair pair = TokenAlgorithm.ES256.generateKeyPair();
        Path file = write("ec.pem", pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                + pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        assertSignsAndVerifies(KeyFile.load(file, TokenAlgorithm.ES256).get(0), TokenAlgorithm.ES256);
    }

    @Test
    void loadWhenEcPemWithoutPublicBlockThenExplained() throws Exception {
        KeyPair pair = TokenAlgorithm.ES256.generateKeyPair();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyFile.load(
                write("ec-only.pem", pem("PRIVATE KEY", pair.getPrivate().getEncoded())), TokenAlgorithm.ES256));
        assertTrue(e.getMessage().contains("PUBLIC KEY"), e.getMessage());
    }

    @Test
    void loadWhenPrivateJwkSetThenFirstSignsAndAllKept() throws Exception {
        KeyPair a = TokenAlgorithm.EDDSA.generateKeyPair();
        KeyPair b = TokenAlgorithm.EDDSA.generateKeyPair();
        String set = "{\"keys\":[" + privateJwk(a, "one") + "," + privateJwk(b, "two") + "]}";
        List<SigningKey> keys = KeyFile.load(write("set.jwks", set), TokenAlgorithm.EDDSA);
        assertEquals(List.of("one", "two"), keys.stream().map(SigningKey::kid).toList());
        assertSignsAndVerifies(keys.get(0), TokenAlgorithm.EDDSA);
    }

    @Test
    void loadWhenRsaUnder2048BitsThenRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair weak = generator.generateKeyPair();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyFile.load(
                write("weak.pem", pem("PRIVATE KEY", weak.getPrivate().getEncoded())), TokenAlgorithm.RS256));
        assertTrue(e.getMessage().contains("2048"), e.getMessage());
    }

    @Test
    void loadWhenKeyDoesNotFitTheAlgorithmThenRefused() throws Exception {
        KeyPair rsa = TokenAlgorithm.RS256.generateKeyPair();
        assertThrows(IllegalStateException.class, () -> KeyFile.load(
                write("rsa-for-es.pem", pem("PRIVATE KEY", rsa.getPrivate().getEncoded())), TokenAlgorithm.ES256));
    }

    @Test
    void loadWhenPublicOnlyJwkOrMissingFileOrGarbageThenExplained() throws Exception {
        String publicOnly = PublicJsonWebKey.Factory.newPublicJwk(TokenAlgorithm.ES256.generateKeyPair().getPublic())
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        assertThrows(IllegalStateException.class, () -> KeyFile.load(write("pub.jwk", publicOnly), TokenAlgorithm.ES256));
        assertThrows(IllegalStateException.class, () -> KeyFile.load(dir.resolve("missing.pem"), TokenAlgorithm.ES256));
        assertThrows(IllegalStateException.class, () -> KeyFile.load(write("junk.txt", "hello"), TokenAlgorithm.ES256));
    }

    private static String privateJwk(KeyPair pair, String kid) throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
        jwk.setPrivateKey(pair.getPrivate());
        jwk.setKeyId(kid);
        return jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }
}
