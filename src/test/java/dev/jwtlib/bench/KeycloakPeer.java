package dev.jwtlib.bench;

import static dev.jwtlib.bench.HttpBench.basic;
import static dev.jwtlib.bench.HttpBench.expect;
import static dev.jwtlib.bench.HttpBench.form;
import static dev.jwtlib.bench.HttpBench.json;
import static dev.jwtlib.bench.HttpBench.post;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Keycloak 26 as the peer of P4: the {@code keycloak-quarkus-dist} that {@code bench/run.sh}
 * unpacked under {@code target/keycloak}, run in dev mode on loopback with a Java 21+ JDK, given
 * a realm with jwtlib's hashing cost (PBKDF2-SHA256, 600,000 iterations), a confidential client
 * and a user, all through its admin REST API.
 */
final class KeycloakPeer {

    private static final int PORT = 18080;
    private static final String URL = "http://127.0.0.1:" + PORT;
    private static final String REALM = URL + "/realms/bench/protocol/openid-connect";
    private static final String CLIENT = "bench";
    private static final String SECRET = "bench-client-secret";
    private static final String USER = "bench-user";

    private final Process process;
    private final String password;
    final String accessToken;

    private KeycloakPeer(Process process, String password) throws Exception {
        this.process = process;
        this.password = password;
        this.accessToken = json(expect(200, passwordGrant())).getString("access_token");
    }

    static KeycloakPeer start(String userPassword, int loginUsers) throws Exception {
        Path home;
        try (Stream<Path> found = Files.list(Path.of("target/keycloak"))) {
            home = found.filter(p -> p.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run bench/run.sh: it unpacks Keycloak into target/keycloak"));
        }
        // dev mode keeps its H2 database under data/: start from an empty one every run
        Path data = home.resolve("data");
        if (Files.isDirectory(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String javaHome = System.getProperty("bench.keycloak.java", System.getenv("KEYCLOAK_JAVA_HOME"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + PORT, "--http-host=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(Path.of("target/keycloak/keycloak.log").toFile());
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "bench-admin-password");
        System.out.println("\nstarting Keycloak (" + home.getFileName() + ", JDK " + javaHome + ") on " + URL);
        try (java.net.Socket taken = new java.net.Socket("127.0.0.1", PORT)) {
            throw new IllegalStateException("port " + PORT + " is in use (a Keycloak left from an earlier run?)");
        } catch (IOException free) {
            // nothing listens there: good
        }
        Process process = builder.start();
        Instant deadline = Instant.now().plusSeconds(300);
        while (true) {
            try {
                if (HttpBench.send(HttpBench.get(URL + "/realms/master", null)).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak did not start; see target/keycloak/keycloak.log");
            }
            Thread.sleep(1000);
        }
        try {
            configure(userPassword, loginUsers);
            return new KeycloakPeer(process, userPassword);
        } catch (Exception | Error e) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            throw e;
        }
    }

    private static void configure(String userPassword, int loginUsers) throws Exception {
        String admin = json(expect(200, post(URL + "/realms/master/protocol/openid-connect/token",
                "application/x-www-form-urlencoded", form("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "bench-admin-password"), null))).getString("access_token");
        adminPost(admin, "/admin/realms", """
                {"realm":"bench","enabled":true,
                 "passwordPolicy":"hashAlgorithm(pbkdf2-sha256) and hashIterations(600000)"}""");
        adminPost(admin, "/admin/realms/bench/clients", """
                {"clientId":"%s","secret":"%s","publicClient":false,"directAccessGrantsEnabled":true,
                 "standardFlowEnabled":false,"serviceAccountsEnabled":false,
                 "clientAuthenticatorType":"client-secret"}""".formatted(CLIENT, SECRET));
        for (int i = -1; i < loginUsers; i++) {
            String name = i < 0 ? USER : USER + "-" + i;
            adminPost(admin, "/admin/realms/bench/users", """
                    {"username":"%s","enabled":true,"email":"%s@example.com","emailVerified":true,
                     "firstName":"Bench","lastName":"User",
                     "credentials":[{"type":"password","value":"%s","temporary":false}]}""".formatted(name, name, userPassword));
        }
    }

    private static void adminPost(String token, String path, String body) throws Exception {
        expect(201, HttpRequest.newBuilder(URI.create(URL + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A login: the resource-owner password grant of the confidential client. */
    HttpRequest passwordGrant() {
        return passwordGrant(USER);
    }

    /** A login of login account {@code i}. */
    HttpRequest passwordGrant(int i) {
        return passwordGrant(USER + "-" + i);
    }

    private HttpRequest passwordGrant(String username) {
        return post(REALM + "/token", "application/x-www-form-urlencoded",
                form("grant_type", "password", "username", username, "password", password), basic(CLIENT, SECRET));
    }

    String loginRefreshToken() throws Exception {
        return json(expect(200, passwordGrant())).getString("refresh_token");
    }

    HttpRequest refresh(String refreshToken) {
        return post(REALM + "/token", "application/x-www-form-urlencoded",
                form("grant_type", "refresh_token", "refresh_token", refreshToken), basic(CLIENT, SECRET));
    }

    HttpRequest introspect(String token) {
        return post(REALM + "/token/introspect", "application/x-www-form-urlencoded", form("token", token),
                basic(CLIENT, SECRET));
    }

    void stop() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor();
    }
}
