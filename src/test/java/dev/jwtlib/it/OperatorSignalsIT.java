package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator reads: metrics, the audit log, the OpenAPI document. */
class OperatorSignalsIT extends DeployedService {

    private static final boolean LIBERTY = "liberty".equals(System.getProperty("jwtlib.it.server"));

    @Test
    void openApiWhenFetchedThenEveryEndpointWithSecuritySchemesAndProblems() {
        Api.Reply reply = api.send(api.request("/openapi").header("Accept", "application/json"));
        assertEquals(200, reply.status(), reply.body());
        JsonObject document = reply.json();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : List.of("/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout",
                "/api/auth/me", "/api/auth/password", "/api/auth/introspect", "/.well-known/jwks.json",
                "/api/admin/users", "/api/admin/users/{username}", "/api/admin/keys/rotate")) {
            assertTrue(paths.containsKey(path), "missing " + path);
        }
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("bearer", schemes.getJsonObject("bearer").getString("scheme"));
        assertEquals("basic", schemes.getJsonObject("basic").getString("scheme"));
        assertTrue(reply.body().contains("application/problem+json"));
    }

    @Test
    void metricsWhenLoginsAndIntrospectionsThenCountedByOutcome() {
        assumeTrue(LIBERTY, "MicroProfile Metrics is a Liberty feature here; WildFly's standard configuration has none");
        String username = api.newUser("metrics");
        double successes = metric("jwtlib_logins_total", "outcome=\"success\"");
        double failures = metric("jwtlib_logins_total", "outcome=\"bad_credentials\"");
        api.login(username, PASSWORD);
        assertEquals(401, api.postJson("/api/auth/login", credentials(username, "wrong " + PASSWORD)).status());
        assertEquals(successes + 1, metric("jwtlib_logins_total", "outcome=\"success\""));
        assertEquals(failures + 1, metric("jwtlib_logins_total", "outcome=\"bad_credentials\""));
        String metrics = api.get("/metrics?scope=application", null).body();
        assertTrue(metrics.contains("jwtlib_password_hash_seconds"), metrics);
        assertTrue(metrics.contains("jwtlib_registrations_total"), metrics);
    }

    @Test
    void auditWhenLoginFailsThenOneJsonLineWithSourceAndNoSecret() throws Exception {
        assumeTrue(LIBERTY, "reads the Liberty test server's log file");
        String username = api.newUser("audit");
        String wrong = "not-the-password-" + username;
        assertEquals(401, api.postJson("/api/auth/login", credentials(username, wrong)).status());
        JsonObject line = auditLine("\"username\":\"" + username + "\"", "\"bad_credentials\"")
                .orElseThrow(() -> new AssertionError("no audit line for " + username));
        assertEquals("login", line.getString("event"));
        assertEquals("bad_credentials", line.getString("outcome"));
        assertEquals(api.source(), line.getString("source"),
                "the caller's address as the trusted proxy (127.0.0.1 here) names it in X-Forwarded-For");
        assertTrue(Instant.parse(line.getString("time")).isAfter(Instant.now().minusSeconds(60)));
        assertFalse(Files.readString(log()).contains(wrong), "a password reached the log");
    }

    private Optional<JsonObject> auditLine(String... fragments) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            for (String line : Files.readAllLines(log())) {
                int start = line.indexOf("{\"time\"");
                if (start >= 0 && List.of(fragments).stream().allMatch(line::contains)) {
                    return Optional.of(Json.createReader(new StringReader(line.substring(start))).readObject());
                }
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    private static Path log() {
        return Path.of(System.getProperty("jwtlib.it.wlp"), "usr/servers/jwtlib-it/logs/messages.log");
    }

    private double metric(String name, String label) {
        String body = api.get("/metrics?scope=application", null).body();
        Matcher matcher = Pattern.compile("^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} ([0-9.eE+-]+)$",
                Pattern.MULTILINE).matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
