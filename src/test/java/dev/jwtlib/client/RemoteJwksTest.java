package dev.jwtlib.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.verify.TokenAlgorithm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWK Set cache against a real HTTP server on loopback, with a controlled clock. */
class RemoteJwksTest {

    private static final Duration CACHE_TTL = Duration.ofMinutes(5);
    private static final Duration MIN_REFRESH = Duration.ofSeconds(30);

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> published = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final MutableClock clock = new MutableClock();
    private HttpServer server;
    private RemoteJwks jwks;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
        jwks = new RemoteJwks(url, TokenAlgorithm.ES256, CACHE_TTL, MIN_REFRESH,
                new AuthServiceClient(Duration.ofSeconds(2), Duration.ofSeconds(2)), clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void keyWhenKnownThenFetchedOnceAndServedFromMemory() throws Exception {
        KeyPair a = ecKey();
        published.set(set(jwk(a, "a", "ES256")));
        for (int i = 0; i < 10; i++) {
            assertEquals(a.getPublic(), jwks.key("a").orElseThrow());
        }
        assertEquals(1, fetches.get());
    }

    @Test
    void keyWhenUnknownKidsFloodThenAtMostOneFetchPerInterval() throws Exception {
        published.set(set(jwk(ecKey(), "a", "ES256")));
        jwks.key("a");
        clock.advance(MIN_REFRESH);
        for (int i = 0; i < 100; i++) {
            assertTrue(jwks.key("random-" + i).isEmpty());
        }
        assertEquals(2, fetches.get(), "one initial fetch, one for the first unknown kid");
    }

    @Test
    void keyWhenRotatedThenNewKidFetchedWithoutRestart() throws Exception {
        KeyPair a = ecKey();
        KeyPair b = ecKey();
        published.set(set(jwk(a, "a", "ES256")));
        jwks.key("a");
        published.set(set(jwk(a, "a", "ES256"), jwk(b, "b", "ES256")));
        assertTrue(jwks.key("b").isEmpty(), "within the minimum interval the set is not fetched again");
        clock.advance(MIN_REFRESH);
        assertEquals(b.getPublic(), jwks.key("b").orElseThrow());
    }

    @Test
    void keyWhenCacheTimeOverAndServiceDownThenOldKeysStillServe() throws Exception {
        KeyPair a = ecKey();
        published.set(set(jwk(a, "a", "ES256")));
        jwks.key("a");
        server.stop(0);
        clock.advance(CACHE_TTL.plusSeconds(1));
        assertEquals(a.getPublic(), jwks.key("a").orElseThrow());
    }

    @Test
    void keyWhenUnknownKidAndServiceDownThenUnavailable() throws Exception {
        published.set(set(jwk(ecKey(), "a", "ES256")));
        jwks.key("a");
        server.stop(0);
        clock.advance(MIN_REFRESH);
        assertThrows(AuthServiceUnavailable.class, () -> jwks.key("b"));
        assertTrue(jwks.key("c").isEmpty(), "the next attempt waits for the interval");
    }

    @Test
    void keyWhenFirstFetchFailsThenUnavailableAndRetriedOnlyAfterInterval() throws Exception {
        published.set("oops");
        status.set(500);
        assertThrows(AuthServiceUnavailable.class, () -> jwks.key("a"));
        assertThrows(AuthServiceUnavailable.class, () -> jwks.key("a"));
        assertEquals(1, fetches.get());
        KeyPair a = ecKey();
        published.set(set(jwk(a, "a", "ES256")));
        status.set(200);
        clock.advance(MIN_REFRESH);
        assertEquals(a.getPublic(), jwks.key("a").orElseThrow());
    }

    @Test
    void parseWhenOtherAlgorithmsOrEncryptionKeysThenIgnored() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String rsa = jwk(generator.generateKeyPair(), "r", "RS256");
        String enc = jwk(ecKey(), "e", null).replace("{", "{\"use\":\"enc\",");
        String noKid = jwk(ecKey(), null, "ES256");
        String plain = jwk(ecKey(), "p", null);
        assertEquals(java.util.Set.of("p"), jwks.parse(set(rsa, enc, noKid, plain)).keySet());
    }

    @Test
    void parseWhenNotAJwkSetThenUnavailable() {
        for (String body : new String[] {"", "[]", "{\"keys\":5}", "<html>"}) {
            assertThrows(AuthServiceUnavailable.class, () -> jwks.parse(body), body);
        }
        assertTrue(jwks.parse("{\"keys\":[{\"kty\":\"EC\",\"kid\":\"broken\"}]}").isEmpty(), "a broken key is skipped");
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String jwk(KeyPair key, String kid, String alg) throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.getPublic());
        if (kid != null) {
            jwk.setKeyId(kid);
        }
        if (alg != null) {
            jwk.setAlgorithm(alg);
        }
        return jwk.toJson();
    }

    private static String set(String... keys) {
        return "{\"keys\":[" + String.join(",", keys) + "]}";
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
