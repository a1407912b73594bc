package dev.jwtlib.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A small black-box client of the auth service's HTTP API, with domain assertions. It knows
 * nothing of the server it talks to beyond the base URL. Each one speaks for a source address of
 * its own (a random one of the benchmarking range 198.18.0.0/15, sent as {@code X-Forwarded-For},
 * which the test servers take from 127.0.0.1 as a trusted proxy), so that each test has its own
 * rate limit and lockout counts, as separate clients would.
 */
final class Api {

    static final String PASSWORD = "a long enough passphrase for tests";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String source;

    Api(String base) {
        this(base, randomSource());
    }

    private Api(String base, String source) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.source = source;
    }

    /** The same server, called from another source address. */
    Api from(String address) {
        return new Api(base, address);
    }

    /** The source address this client's requests come from. */
    String source() {
        return source;
    }

    private static String randomSource() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** The base URL requests are sent to. */
    String base() {
        return base;
    }

    /** The server under test, as the build configured it. */
    static Api fromSystemProperties() {
        return new Api(System.getProperty("jwtlib.it.base-url", "http://localhost:19080"));
    }

    /** A reply: status, headers and body. */
    record Reply(int status, HttpResponse<String> raw) {
        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(raw.body()))) {
                return reader.readObject();
            }
        }
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", source);
    }

    Reply get(String path, String bearer) {
        HttpRequest.Builder request = request(path).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    Reply postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply postJson(String path, String json, String bearer) {
        return send(request(path).header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patchJson(String path, String json, String bearer) {
        return send(request(path).header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path, String bearer) {
        return send(request(path).header("Authorization", "Bearer " + bearer).DELETE());
    }

    /** Introspects {@code token} as the client, with its id and secret in HTTP Basic as RFC 6749 section 2.3.1 says. */
    Reply introspect(String token, Client client) {
        return introspect(token, client == null ? null : clientBasic(client.id(), client.secret()));
    }

    /** Introspects {@code token} with this {@code Authorization} header (none when {@code null}). */
    Reply introspect(String token, String authorization) {
        return postForm("/api/auth/introspect", "token=" + form(token), authorization);
    }

    /** A form POST (application/x-www-form-urlencoded). */
    Reply postForm(String path, String form, String authorization) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** HTTP Basic over the text as it is (what {@code curl -u} sends). */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Client credentials in HTTP Basic, form-urlencoded first (RFC 6749 section 2.3.1), as OAuth libraries send them. */
    static String clientBasic(String clientId, String secret) {
        return basic(form(clientId), form(secret));
    }

    // --- domain steps -------------------------------------------------------------------

    /** A fresh username no other test uses. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static String registration(String username, String email, String password) {
        return Json.createObjectBuilder().add("username", username).add("email", email).add("password", password)
                .build().toString();
    }

    static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    /** Registers a new user with the standard test password and returns the username. */
    String newUser(String prefix) {
        String username = uniqueName(prefix);
        Reply reply = postJson("/api/auth/register", registration(username, username + "@example.com", PASSWORD));
        assertEquals(201, reply.status(), reply.body());
        return username;
    }

    /** Logs in and returns the whole LoginResponse. */
    JsonObject login(String username, String password) {
        Reply reply = postJson("/api/auth/login", credentials(username, password));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    String accessToken(String username) {
        return login(username, PASSWORD).getString("access_token");
    }

    String adminToken() {
        return login(System.getProperty("jwtlib.it.admin.username"), System.getProperty("jwtlib.it.admin.password"))
                .getString("access_token");
    }

    /** A new user given exactly {@code roles} by the administrator. */
    String newUserWithRoles(String prefix, String... roles) {
        String username = newUser(prefix);
        var list = Json.createArrayBuilder();
        for (String role : roles) {
            list.add(role);
        }
        Reply reply = patchJson("/api/admin/users/" + username,
                Json.createObjectBuilder().add("roles", list).build().toString(), adminToken());
        assertEquals(200, reply.status(), reply.body());
        return username;
    }

    /** An OAuth client: its id and the secret shown when it was made. */
    record Client(String id, String secret) {
    }

    /**
     * A new OAuth client made by the administrator, with {@code roles} ({@code service} when none),
     * and with {@code secret} when not {@code null} (else a generated one).
     */
    Client newClient(String prefix, String secret, String... roles) {
        var body = Json.createObjectBuilder().add("client_id", uniqueName(prefix));
        if (roles.length > 0) {
            var list = Json.createArrayBuilder();
            for (String role : roles) {
                list.add(role);
            }
            body.add("roles", list);
        }
        if (secret != null) {
            body.add("client_secret", secret);
        }
        Reply reply = postJson("/api/admin/clients", body.build().toString(), adminToken());
        assertEquals(201, reply.status(), reply.body());
        return new Client(reply.json().getString("client_id"), reply.json().getString("client_secret"));
    }

    /** A new OAuth client with the role {@code service} and a generated secret. */
    Client newClient(String prefix) {
        return newClient(prefix, null);
    }

    /** A token of the client's own ({@code client_credentials}). */
    String clientToken(Client client) {
        Reply reply = postForm("/oauth2/token", "grant_type=client_credentials", clientBasic(client.id(), client.secret()));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("access_token");
    }

    /** The issuer every token of the service carries. */
    String issuer() {
        return System.getProperty("jwtlib.it.issuer", base);
    }

    /** The statuses of {@code n} requests sent at the same time; request {@code i} is {@code send.apply(i)}. */
    static List<Integer> concurrently(int n, IntFunction<Reply> send) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> send.apply(index).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
            return statuses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    // --- assertions ---------------------------------------------------------------------

    /** An RFC 9457 problem with this status and no leaked internals. */
    static JsonObject assertProblem(Reply reply, int status) {
        return assertProblem(reply, status, "");
    }

    /** As {@link #assertProblem(Reply, int)}, saying what the status means if it is not it. */
    static JsonObject assertProblem(Reply reply, int status, String meaning) {
        assertEquals(status, reply.status(), meaning + ": " + reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.header("Content-Type"));
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.containsKey("type") && problem.containsKey("title") && problem.containsKey("detail"),
                reply.body());
        assertFalse(reply.body().contains("Exception"), reply.body());
        assertFalse(reply.body().contains("\tat "), reply.body());
        return problem;
    }

    /** A 401 with the RFC 6750 challenge for a request without a token. */
    static void assertBearerChallenge(Reply reply) {
        assertProblem(reply, 401);
        assertEquals("Bearer realm=\"jwtlib\"", reply.header("WWW-Authenticate"));
    }

    /** A 401 with the RFC 6750 {@code invalid_token} challenge. */
    static void assertInvalidToken(Reply reply) {
        assertProblem(reply, 401);
        assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer realm=\"jwtlib\", error=\"invalid_token\""),
                reply.header("WWW-Authenticate"));
    }

    static void assertInactive(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        assertEquals(JsonValue.FALSE, reply.json().get("active"));
        assertEquals(1, reply.json().size(), reply.body());
    }
}
