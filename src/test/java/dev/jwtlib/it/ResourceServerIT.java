package dev.jwtlib.it;

import static dev.jwtlib.it.Api.assertBearerChallenge;
import static dev.jwtlib.it.Api.assertInvalidToken;
import static dev.jwtlib.it.Api.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Another application protected by this project's jar (issue 5): two small WARs deployed next to
 * the auth service, one in {@code jwtlib.mode=jwks}, one in {@code jwtlib.mode=introspect}, both
 * reaching the real auth service through {@link AuthServiceProxy}, which the tests take down,
 * make fail or make hang.
 */
class ResourceServerIT extends DeployedService {

    /** A client id with '-' and a secret with spaces: what RFC 6749's form-encoding of Basic changes. */
    private static final String CLIENT = "rs-introspector";
    private static final String CLIENT_SECRET = "the resource server's own long passphrase";
    private static final String ISSUER = Api.fromSystemProperties().issuer();
    private static final Duration CACHE_TTL = Duration.ofSeconds(2);
    private static final Duration MIN_REFRESH = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final AuthServiceProxy PROXY = new AuthServiceProxy(Api.fromSystemProperties().base());

    private final Api jwks = new Api(api.base() + "/rs-jwks");
    private final Api introspect = new Api(api.base() + "/rs-introspect");

    @Deployment(name = "rs-jwks", testable = false, order = 2)
    static WebArchive jwksApplication() {
        return ResourceServerWars.war("rs-jwks", Map.of(
                "jwtlib.mode", "jwks",
                "jwtlib.auth-service.url", PROXY.url(),
                "jwtlib.issuer", ISSUER,
                "jwtlib.jwks.min-refresh-interval", MIN_REFRESH.toString(),
                "jwtlib.cors.allowed-origins", "https://app.example.test"));
    }

    @Deployment(name = "rs-introspect", testable = false, order = 3)
    static WebArchive introspectionApplication() {
        return ResourceServerWars.war("rs-introspect", Map.of(
                "jwtlib.mode", "introspect",
                "jwtlib.auth-service.url", PROXY.url(),
                "jwtlib.issuer", ISSUER,
                "jwtlib.introspection.client-id", CLIENT,
                "jwtlib.introspection.client-secret", CLIENT_SECRET,
                "jwtlib.introspection.cache-ttl", CACHE_TTL.toString(),
                "jwtlib.introspection.inactive-cache-ttl", "PT1S",
                "jwtlib.auth-service.timeout", TIMEOUT.toString()));
    }

    @BeforeAll
    static void serviceClientAndProxy() {
        PROXY.start();
        Api service = Api.fromSystemProperties();
        Api.Reply created = service.postJson("/api/admin/clients", jakarta.json.Json.createObjectBuilder()
                .add("client_id", CLIENT).add("client_secret", CLIENT_SECRET).build().toString(), service.adminToken());
        assertTrue(created.status() == 201 || created.status() == 409, created.body());
    }

    @AfterAll
    static void stopProxy() {
        PROXY.stop();
    }

    @AfterEach
    void proxyBackToNormal() {
        PROXY.behave(AuthServiceProxy.Behaviour.FORWARD);
        PROXY.stop();
        PROXY.start();
    }

    private String userToken() {
        return api.accessToken(api.newUser("rs"));
    }

    // --- CORS in an application protected by the jar ---------------------------------------

    @Test
    void corsWhenAPreflightOfAProtectedResourceThenTheMechanismAnswersItWithoutCredentials() {
        Api.Reply preflight = jwks.send(jwks.request("/api/reports").header("Origin", "https://app.example.test")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.status(), preflight.body());
        assertEquals("https://app.example.test", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        Api.Reply refused = jwks.send(jwks.request("/api/reports").header("Origin", "https://app.example.test").GET());
        assertEquals(401, refused.status());
        assertEquals("https://app.example.test", refused.header("Access-Control-Allow-Origin"));
        Api.Reply ok = jwks.send(jwks.request("/api/reports").header("Origin", "https://app.example.test")
                .header("Authorization", "Bearer " + userToken()).GET());
        assertEquals(200, ok.status(), ok.body());
        assertEquals("https://app.example.test", ok.header("Access-Control-Allow-Origin"));
        Api.Reply elsewhere = jwks.send(jwks.request("/api/reports").header("Origin", "https://evil.example.test")
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(null, elsewhere.header("Access-Control-Allow-Origin"));
    }

    // --- point 5: valid, wrong role, missing, forged, expired ---------------------------------

    @Test
    void validTokenThen200InEveryMode() {
        String username = api.newUser("rsok");
        String token = api.accessToken(username);
        for (Api app : new Api[] {jwks, introspect}) {
            Api.Reply reply = app.get("/api/reports", token);
            assertEquals(200, reply.status(), reply.body());
            assertEquals("reports of " + username, reply.body());
        }
    }

    @Test
    void wrongRoleThen403InEveryMode() {
        String token = userToken();
        for (Api app : new Api[] {jwks, introspect}) {
            assertEquals(403, app.get("/api/reports/all", token).status());
        }
        String admin = api.adminToken();
        for (Api app : new Api[] {jwks, introspect}) {
            assertEquals(200, app.get("/api/reports/all", admin).status());
        }
    }

    @Test
    void noTokenOrBasicCredentialsThen401ChallengeInEveryMode() {
        for (Api app : new Api[] {jwks, introspect}) {
            assertBearerChallenge(app.get("/api/reports", null));
            Api.Reply basic = app.send(app.request("/api/reports").header("Authorization", Api.basic(CLIENT, CLIENT_SECRET)));
            assertProblem(basic, 401);
            assertTrue(basic.header("WWW-Authenticate").startsWith("Bearer"), basic.header("WWW-Authenticate"));
        }
    }

    @Test
    void forgedOrTamperedTokenThen401InEveryMode() throws Exception {
        String genuine = userToken();
        String kid = StoreSigningKey.header(genuine).replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String[] forged = {
            sign(foreignKey(), kid, payload),
            parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    payload.replace("\"user\"", "\"admin\"").getBytes()) + "." + parts[2],
            Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"kid\":\"x\"}".getBytes())
                    + "." + parts[1] + ".",
            "not-a-token",
        };
        for (Api app : new Api[] {jwks, introspect}) {
            for (String token : forged) {
                assertInvalidToken(app.get("/api/reports", token));
            }
        }
    }

    @Test
    void expiredTokenWithGenuineSignatureThen401InEveryMode() {
        String expired = StoreSigningKey.expiredToken(userToken(), "someone");
        for (Api app : new Api[] {jwks, introspect}) {
            assertInvalidToken(app.get("/api/reports", expired));
        }
    }

    @Test
    void unprotectedResourceThenNotCheckedEvenWithGarbageOrServiceDown() {
        PROXY.stop();
        for (Api app : new Api[] {jwks, introspect}) {
            Api.Reply reply = app.get("/api/public", "garbage");
            assertEquals(200, reply.status(), reply.body());
        }
    }

    // --- point 5: revocation, outage, rotation ------------------------------------------------

    @Test
    void revokedAtAuthServiceThen401InIntrospectModeWithinCacheTtl() throws Exception {
        String token = userToken();
        assertEquals(200, introspect.get("/api/reports", token).status());
        assertEquals(200, jwks.get("/api/reports", token).status());
        Api.Reply logout = api.send(api.request("/api/auth/logout").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, logout.status(), logout.body());
        Instant revoked = Instant.now();
        while (introspect.get("/api/reports", token).status() == 200) {
            assertTrue(Duration.between(revoked, Instant.now()).compareTo(CACHE_TTL.plusSeconds(2)) < 0,
                    "still accepted after the cache TTL");
            Thread.sleep(200);
        }
        assertInvalidToken(introspect.get("/api/reports", token));
        // jwks mode cannot see a revocation: the documented bound is the token's lifetime
        assertEquals(200, jwks.get("/api/reports", token).status());
    }

    @Test
    void authServiceDownThen503InIntrospectModeAnd200InJwksMode() {
        String warm = userToken();
        assertEquals(200, jwks.get("/api/reports", warm).status());
        String fresh = userToken();
        PROXY.stop();
        Api.Reply refused = introspect.get("/api/reports", fresh);
        assertProblem(refused, 503);
        assertEquals("5", refused.header("Retry-After"));
        assertEquals(200, jwks.get("/api/reports", fresh).status());
    }

    @Test
    void authServiceAnswers5xxThen503InIntrospectMode() {
        String token = userToken();
        PROXY.behave(AuthServiceProxy.Behaviour.FAIL);
        Api.Reply refused = introspect.get("/api/reports", token);
        assertProblem(refused, 503);
        assertTrue(refused.header("Retry-After") != null);
    }

    @Test
    void authServiceHangsThen503AfterTheTimeoutNotAHang() {
        String token = userToken();
        PROXY.behave(AuthServiceProxy.Behaviour.HANG);
        Instant start = Instant.now();
        Api.Reply refused = introspect.get("/api/reports", token);
        Duration took = Duration.between(start, Instant.now());
        assertProblem(refused, 503);
        assertTrue(took.compareTo(TIMEOUT.plusSeconds(4)) < 0, "took " + took);
    }

    @Test
    void activeAnswerCachedThenOneIntrospectionForManyRequests() {
        String token = userToken();
        int before = PROXY.introspectionCalls();
        for (int i = 0; i < 20; i++) {
            assertEquals(200, introspect.get("/api/reports", token).status());
        }
        int calls = PROXY.introspectionCalls() - before;
        assertTrue(calls >= 1 && calls <= 3, calls + " introspection calls for 20 requests");
    }

    @Test
    void keyRotatedAtAuthServiceThenNewTokensAcceptedInJwksModeWithoutRestart() throws Exception {
        assertEquals(200, jwks.get("/api/reports", userToken()).status());
        Api.Reply rotated = api.send(api.request("/api/admin/keys/rotate")
                .header("Authorization", "Bearer " + api.adminToken())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, rotated.status(), rotated.body());
        String kid = rotated.json().getString("kid");
        Instant deadline = Instant.now().plusSeconds(30);
        String token = userToken();
        while (!StoreSigningKey.header(token).contains("\"" + kid + "\"")) {
            assertTrue(Instant.now().isBefore(deadline), "the rotated key never started signing");
            Thread.sleep(500);
            token = userToken();
        }
        Thread.sleep(MIN_REFRESH.toMillis());
        Api.Reply reply = jwks.get("/api/reports", token);
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void floodOfUnknownKeyIdsThenJwksFetchedAtMostOncePerInterval() throws Exception {
        assertEquals(200, jwks.get("/api/reports", userToken()).status());
        KeyPair foreign = foreignKey();
        String payload = new String(Base64.getUrlDecoder().decode(userToken().split("\\.")[1]));
        int before = PROXY.jwksCalls();
        Instant start = Instant.now();
        for (int i = 0; i < 40; i++) {
            assertInvalidToken(jwks.get("/api/reports", sign(foreign, UUID.randomUUID().toString(), payload)));
        }
        long intervals = Duration.between(start, Instant.now()).toMillis() / MIN_REFRESH.toMillis();
        int calls = PROXY.jwksCalls() - before;
        assertTrue(calls <= 1 + intervals, calls + " JWKS fetches for 40 unknown kids in " + (intervals + 1) + " intervals");
    }

    private static KeyPair foreignKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String sign(KeyPair key, String kid, String payload) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue("ES256");
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(key.getPrivate());
        return jws.getCompactSerialization();
    }
}
