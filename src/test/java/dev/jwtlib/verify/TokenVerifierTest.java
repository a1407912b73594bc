package dev.jwtlib.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/** The verifier's rules, one forged or broken token per test; tokens are minted here with jose4j. */
class TokenVerifierTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String KID = "test-key";
    private static final TokenSettings ES256 = new TokenSettings("jwtlib", Optional.empty(), Duration.ofMinutes(15),
            TokenAlgorithm.ES256);

    private final KeyPair ec = TokenAlgorithm.ES256.generateKeyPair();

    private TokenVerifier verifier(TokenSettings settings, String kid, PublicKey key) {
        return new TokenVerifier(settings, k -> k.equals(kid) ? Optional.of(key) : Optional.empty(), Clock.systemUTC());
    }

    private TokenVerifier verifier() {
        return verifier(ES256, KID, ec.getPublic());
    }

    private static String claims(Instant iat, Duration ttl) {
        return "{\"iss\":\"jwtlib\",\"sub\":\"u-1\",\"upn\":\"alice\",\"preferred_username\":\"alice\","
                + "\"groups\":[\"user\"],\"iat\":" + iat.getEpochSecond() + ",\"exp\":" + iat.plus(ttl).getEpochSecond()
                + ",\"jti\":\"j-1\",\"sid\":\"s-1\"}";
    }

    private static String validClaims() {
        return claims(Instant.now(), Duration.ofMinutes(15));
    }

    private static String sign(KeyPair key, String alg, String kid, String payload) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(alg);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setKey(key.getPrivate());
        return jws.getCompactSerialization();
    }

    private String valid() throws JoseException {
        return sign(ec, "ES256", KID, validClaims());
    }

    private static void assertRejected(TokenVerifier verifier, String token) {
        assertThrows(InvalidToken.class, () -> verifier.verify(token));
    }

    @Test
    void verifyWhenTokenValidThenClaimsReturned() throws Exception {
        VerifiedToken token = verifier().verify(valid());
        assertEquals("u-1", token.subject());
        assertEquals("alice", token.username());
        assertEquals(Set.of("user"), token.groups());
        assertEquals("j-1", token.jti());
        assertEquals("s-1", token.sessionId());
        assertEquals("jwtlib", token.issuer());
    }

    @Test
    void verifyWhenAlgIsNoneThenRejected() throws Exception {
        String header = B64.encodeToString(("{\"alg\":\"none\",\"kid\":\"" + KID + "\"}").getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(validClaims().getBytes(StandardCharsets.UTF_8));
        assertRejected(verifier(), header + "." + payload + ".");
    }

    @Test
    void verifyWhenHmacSignedWithPublicKeyThenRejected() throws Exception {
        String header = B64.encodeToString(("{\"alg\":\"HS256\",\"kid\":\"" + KID + "\"}").getBytes(StandardCharsets.UTF_8));
        String input = header + "." + B64.encodeToString(validClaims().getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ec.getPublic().getEncoded(), "HmacSHA256"));
        assertRejected(verifier(), input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void verifyWhenAnotherAsymmetricAlgorithmThenRejected() throws Exception {
        KeyPair rsa = TokenAlgorithm.RS256.generateKeyPair();
        TokenVerifier verifier = verifier(ES256, KID, rsa.getPublic());
        assertRejected(verifier, sign(rsa, "RS256", KID, validClaims()));
    }

    @Test
    void verifyWhenKidUnknownOrMissingThenRejected() throws Exception {
        assertRejected(verifier(), sign(ec, "ES256", "other-kid", validClaims()));
        assertRejected(verifier(), sign(ec, "ES256", null, validClaims()));
    }

    @Test
    void verifyWhenSignedByAnotherKeyThenRejected() throws Exception {
        assertRejected(verifier(), sign(TokenAlgorithm.ES256.generateKeyPair(), "ES256", KID, validClaims()));
    }

    @Test
    void verifyWhenHeaderCarriesKeyOrKeyUrlThenRejected() throws Exception {
        for (String parameter : new String[] {HeaderParameterNames.JWK_SET_URL, HeaderParameterNames.X509_URL, "x5c", "crit"}) {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(validClaims());
            jws.setAlgorithmHeaderValue("ES256");
            jws.setKeyIdHeaderValue(KID);
            jws.setHeader(parameter, "https://attacker.example/keys");
            jws.setKey(ec.getPrivate());
            jws.setDoKeyValidation(false);
            assertRejected(verifier(), jws.getCompactSerialization());
        }
        JsonWebSignature embedded = new JsonWebSignature();
        embedded.setPayload(validClaims());
        embedded.setAlgorithmHeaderValue("ES256");
        embedded.setKeyIdHeaderValue(KID);
        embedded.setJwkHeader(org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(ec.getPublic()));
        embedded.setKey(ec.getPrivate());
        assertRejected(verifier(), embedded.getCompactSerialization());
    }

    @Test
    void verifyWhenPayloadTamperedThenRejected() throws Exception {
        String[] parts = valid().split("\\.");
        String admin = B64.encodeToString(validClaims().replace("[\"user\"]", "[\"user\",\"admin\"]")
                .getBytes(StandardCharsets.UTF_8));
        assertRejected(verifier(), parts[0] + "." + admin + "." + parts[2]);
    }

    @Test
    void verifyWhenExpiredBeyondSkewThenRejected() throws Exception {
        Instant iat = Instant.now().minus(Duration.ofMinutes(17));
        assertRejected(verifier(), sign(ec, "ES256", KID, claims(iat, Duration.ofMinutes(15))));
    }

    @Test
    void verifyWhenExpiredWithinSkewThenAccepted() throws Exception {
        Instant iat = Instant.now().minus(Duration.ofMinutes(15)).minusSeconds(30);
        assertEquals("alice", verifier().verify(sign(ec, "ES256", KID, claims(iat, Duration.ofMinutes(15)))).username());
    }

    @Test
    void verifyWhenLifetimeLongerThanConfiguredThenRejected() throws Exception {
        assertRejected(verifier(), sign(ec, "ES256", KID, claims(Instant.now(), Duration.ofDays(365))));
    }

    @Test
    void verifyWhenIssuerWrongThenRejected() throws Exception {
        assertRejected(verifier(), sign(ec, "ES256", KID, validClaims().replace("\"iss\":\"jwtlib\"", "\"iss\":\"evil\"")));
    }

    @Test
    void verifyWhenRequiredClaimMissingThenRejected() throws Exception {
        for (String claim : new String[] {"\"jti\":\"j-1\",", "\"sub\":\"u-1\",", "\"iss\":\"jwtlib\","}) {
            assertRejected(verifier(), sign(ec, "ES256", KID, validClaims().replace(claim, "")));
        }
    }

    @Test
    void verifyWhenAudienceConfiguredThenRequired() throws Exception {
        TokenSettings withAudience = new TokenSettings("jwtlib", Optional.of("orders"), Duration.ofMinutes(15),
                TokenAlgorithm.ES256);
        TokenVerifier verifier = verifier(withAudience, KID, ec.getPublic());
        assertRejected(verifier, valid());
        assertRejected(verifier, sign(ec, "ES256", KID, validClaims().replace("{", "{\"aud\":\"billing\",")));
        assertEquals("alice", verifier.verify(sign(ec, "ES256", KID, validClaims().replace("{", "{\"aud\":\"orders\","))).username());
    }

    @Test
    void verifyWhenRsaKeyUnder2048BitsThenRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair weak = generator.generateKeyPair();
        TokenSettings rs256 = new TokenSettings("jwtlib", Optional.empty(), Duration.ofMinutes(15), TokenAlgorithm.RS256);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(validClaims());
        jws.setAlgorithmHeaderValue("RS256");
        jws.setKeyIdHeaderValue(KID);
        jws.setKey(weak.getPrivate());
        jws.setDoKeyValidation(false);
        assertRejected(verifier(rs256, KID, weak.getPublic()), jws.getCompactSerialization());
    }

    @Test
    void verifyWhenMalformedThenRejectedAsMalformed() {
        for (String token : new String[] {"", "abc", "a.b", "a.b.c.d", "a.b.c.d.e", "!!!.???.***", "W10.e30.x"}) {
            InvalidToken e = assertThrows(InvalidToken.class, () -> verifier().verify(token), token);
            assertTrue(e.isMalformed(), token);
        }
        assertThrows(InvalidToken.class, () -> verifier().verify(null));
    }

    @Test
    void verifyWhenHeaderHasNoAlgThenRejected() {
        InvalidToken e = assertThrows(InvalidToken.class, () -> verifier().verify("e30.e30.AAAA"));
        assertFalse(e.isMalformed());
    }

    @Test
    void verifyWhenOversizedThenRejectedBeforeParsing() throws Exception {
        InvalidToken e = assertThrows(InvalidToken.class,
                () -> verifier().verify(valid() + "A".repeat(TokenVerifier.MAX_TOKEN_LENGTH)));
        assertTrue(e.isMalformed());
    }

    @Test
    void verifyWhenEachConfigurableAlgorithmThenRoundTrips() throws Exception {
        for (TokenAlgorithm algorithm : TokenAlgorithm.values()) {
            KeyPair pair = algorithm.generateKeyPair();
            TokenSettings settings = new TokenSettings("jwtlib", Optional.empty(), Duration.ofMinutes(15), algorithm);
            String token = sign(pair, algorithm.jwsName(), KID, validClaims());
            assertEquals("alice", verifier(settings, KID, pair.getPublic()).verify(token).username(), algorithm.jwsName());
        }
    }

    @Test
    void verifyWhenTheConfiguredClockIsPastExpiryAndSkewThenRejectedWhateverTheSystemClockSays() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        TokenVerifier verifier = new TokenVerifier(ES256, k -> Optional.of(ec.getPublic()), clock);
        String token = valid();
        assertEquals("alice", verifier.verify(token).username());
        clock.advance(Duration.ofMinutes(15).plus(TokenSettings.CLOCK_SKEW).minusSeconds(2));
        assertEquals("alice", verifier.verify(token).username(), "within the clock skew");
        clock.advance(Duration.ofSeconds(3));
        assertRejected(verifier, token);
    }

    private static String withSignature(String token, String signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + signature;
    }

    private static String signatureOf(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    @Test
    void verifyWhenTheSameTokenIsSpelledAnotherWayThenRejected() throws Exception {
        String token = valid();
        String signature = signatureOf(token);
        assertEquals(86, signature.length(), "64 bytes of ES256 signature");
        char last = signature.charAt(85);
        // the last character carries 2 bits of the signature and 4 unused ones: set one of those
        String otherBits = signature.substring(0, 85) + (char) (last == 'A' ? 'B' : last + 1);
        for (String variant : new String[] {token + "=", token + "==", withSignature(token, signature.substring(0, 40) + "~"
                + signature.substring(40)), withSignature(token, otherBits)}) {
            InvalidToken e = assertThrows(InvalidToken.class, () -> verifier().verify(variant), variant);
            assertTrue(e.getMessage().contains("canonical"), e.getMessage());
        }
        assertEquals("alice", verifier().verify(token).username(), "the canonical spelling");
    }

    @Test
    void verifyWhenTheSignatureHasTheWrongLengthThenRejectedBeforeTheCheck() throws Exception {
        String token = valid();
        byte[] signature = Base64.getUrlDecoder().decode(signatureOf(token));
        byte[] shorter = java.util.Arrays.copyOf(signature, 63);
        byte[] longer = java.util.Arrays.copyOf(signature, 65);
        for (byte[] wrong : new byte[][] {shorter, longer}) {
            InvalidToken e = assertThrows(InvalidToken.class,
                    () -> verifier().verify(withSignature(token, B64.encodeToString(wrong))));
            assertTrue(e.getMessage().contains("length"), e.getMessage());
        }
    }

    @Test
    void verifyWhenAnEdDsaSignatureHasATrailingZeroByteThenRejected() throws Exception {
        KeyPair ed = TokenAlgorithm.EDDSA.generateKeyPair();
        TokenSettings settings = new TokenSettings("jwtlib", Optional.empty(), Duration.ofMinutes(15), TokenAlgorithm.EDDSA);
        String token = sign(ed, "EdDSA", KID, validClaims());
        TokenVerifier verifier = verifier(settings, KID, ed.getPublic());
        assertEquals("alice", verifier.verify(token).username());
        byte[] padded = java.util.Arrays.copyOf(Base64.getUrlDecoder().decode(signatureOf(token)), 65);
        assertThrows(InvalidToken.class, () -> verifier.verify(withSignature(token, B64.encodeToString(padded))));
    }

    @Test
    void verifyWhenTheKeyOfAKidChangesThenTheNewKeyIsUsedAndTheOldOneNoLonger() throws Exception {
        KeyPair other = TokenAlgorithm.ES256.generateKeyPair();
        java.util.concurrent.atomic.AtomicReference<java.security.PublicKey> current =
                new java.util.concurrent.atomic.AtomicReference<>(ec.getPublic());
        TokenVerifier verifier = new TokenVerifier(ES256, kid -> Optional.of(current.get()), Clock.systemUTC());
        String before = valid();
        assertEquals("alice", verifier.verify(before).username());
        current.set(other.getPublic()); // the keys were regenerated; the kid is the same
        assertEquals("alice", verifier.verify(sign(other, "ES256", KID, validClaims())).username());
        assertRejected(verifier, before);
    }

    @Test
    void verifyWhenValidlySignedWithoutGroupsThenRejectedNotAnError() throws Exception {
        String noGroups = "{\"iss\":\"jwtlib\",\"sub\":\"u-1\",\"upn\":\"alice\",\"iat\":" + Instant.now().getEpochSecond()
                + ",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + ",\"jti\":\"j-1\"}";
        assertRejected(verifier(), sign(ec, "ES256", KID, noGroups));
        String nullGroups = noGroups.replace("\"jti\"", "\"groups\":null,\"jti\"");
        assertRejected(verifier(), sign(ec, "ES256", KID, nullGroups));
    }
}
