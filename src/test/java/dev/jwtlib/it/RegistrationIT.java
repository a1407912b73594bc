package dev.jwtlib.it;

import static dev.jwtlib.it.Api.PASSWORD;
import static dev.jwtlib.it.Api.assertProblem;
import static dev.jwtlib.it.Api.registration;
import static dev.jwtlib.it.Api.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code POST /api/auth/register}: every success and failure row of the contract. */
class RegistrationIT extends DeployedService {

    @Test
    void registerWhenValidThenCreatedWithPublicUserAndLocation() {
        String username = uniqueName("Reg");
        Api.Reply reply = api.postJson("/api/auth/register",
                registration("  " + username + " ", " " + username + "@Example.com ", PASSWORD));
        assertEquals(201, reply.status(), reply.body());
        assertTrue(reply.header("Location").endsWith("/api/admin/users/" + username.toLowerCase()),
                reply.header("Location"));
        JsonObject user = reply.json();
        assertEquals(Set.of("username", "email", "email_verified", "is_active", "roles", "mfa_enabled"), user.keySet());
        assertEquals(username.toLowerCase(), user.getString("username"));
        assertEquals(username + "@Example.com", user.getString("email"));
        assertTrue(user.getBoolean("is_active"));
        assertEquals(List.of("user"), user.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void registerWhenUsernameTakenInAnyCaseThenConflict() {
        String username = api.newUser("dup");
        assertProblem(api.postJson("/api/auth/register",
                registration(username.toUpperCase(), uniqueName("other") + "@example.com", PASSWORD)), 409);
    }

    @Test
    void registerWhenUsernameDiffersOnlyByCompatibilityFormThenConflict() {
        String username = api.newUser("nfkc");
        // U+FF41 FULLWIDTH LATIN SMALL LETTER A normalises (NFKC) to "a"
        String fullwidth = "\uFF41" + username.substring(1);
        assertTrue(username.startsWith("n"));
        String variant = username.replaceFirst("n", "\uFF4E");
        assertProblem(api.postJson("/api/auth/register",
                registration(variant, uniqueName("x") + "@example.com", PASSWORD)), 409);
        assertEquals(201, api.postJson("/api/auth/register",
                registration(fullwidth, uniqueName("y") + "@example.com", PASSWORD)).status());
    }

    @Test
    void registerWhenEmailTakenInAnyCaseThenConflict() {
        String username = api.newUser("mail");
        assertProblem(api.postJson("/api/auth/register",
                registration(uniqueName("mail2"), username.toUpperCase() + "@EXAMPLE.COM", PASSWORD)), 409);
    }

    @Test
    void registerWhenFieldsMissingThenBadRequestNamingEachField() {
        JsonObject problem = assertProblem(api.postJson("/api/auth/register", "{}"), 400);
        assertEquals(Set.of("username", "email", "password"), fields(problem));
    }

    @Test
    void registerWhenOperatorObjectsOrWrongTypesThenBadRequestAndNothingCreated() {
        String username = uniqueName("op");
        assertProblem(api.postJson("/api/auth/register", "{\"username\":{\"$ne\":null},\"email\":[\"a@b.co\"],"
                + "\"password\":12345678901234567}"), 400);
        assertProblem(api.postJson("/api/auth/register", "{\"username\":\"" + username + "\",\"email\":{\"$gt\":\"\"},"
                + "\"password\":\"" + PASSWORD + "\"}"), 400);
        assertProblem(api.postJson("/api/auth/register", "{\"username\":\"" + username + "\",\"email\":null,"
                + "\"password\":\"" + PASSWORD + "\"}"), 400);
        assertEquals(201, api.postJson("/api/auth/register",
                registration(username, username + "@example.com", PASSWORD)).status());
    }

    @Test
    void registerWhenBodyIsNotAJsonObjectThenBadRequest() {
        assertProblem(api.postJson("/api/auth/register", "not json"), 400);
        assertProblem(api.postJson("/api/auth/register", "[1,2]"), 400);
        assertProblem(api.postJson("/api/auth/register", ""), 400);
        assertProblem(api.postJson("/api/auth/register", "{\"username\":"), 400);
    }

    @Test
    void registerWhenUsernameBreaksRulesThenBadRequest() {
        for (String bad : List.of("ab", "-starts-with-dash", "has space", "x".repeat(33), "semi;colon", "$where")) {
            JsonObject problem = assertProblem(api.postJson("/api/auth/register",
                    registration(bad, uniqueName("u") + "@example.com", PASSWORD)), 400);
            assertEquals(Set.of("username"), fields(problem), bad);
        }
    }

    @Test
    void registerWhenEmailInvalidThenBadRequest() {
        for (String bad : List.of("plain", "a@b", "a b@example.com", "@example.com",
                "x".repeat(250) + "@example.com")) {
            JsonObject problem = assertProblem(api.postJson("/api/auth/register",
                    registration(uniqueName("e"), bad, PASSWORD)), 400);
            assertEquals(Set.of("email"), fields(problem), bad);
        }
    }

    @Test
    void registerWhenPasswordBreaksRulesThenBadRequest() {
        String username = uniqueName("pw");
        for (String bad : List.of("short", "fourteen-chars", "x".repeat(129), "my name is " + username + "!",
                "1qaz2wsx3edc4rfv")) {
            JsonObject problem = assertProblem(api.postJson("/api/auth/register",
                    registration(username, username + "@example.com", bad)), 400);
            assertEquals(Set.of("password"), fields(problem), bad);
            assertTrue(!problem.toString().contains(bad), "the password is echoed back");
        }
    }

    @Test
    void registerWhenPasswordHasNoCompositionThenAccepted() {
        String username = uniqueName("plain");
        assertEquals(201, api.postJson("/api/auth/register",
                registration(username, username + "@example.com", "all lower case words only")).status());
    }

    @Test
    void registerWhenContentTypeIsNotJsonThenUnsupportedMediaType() {
        assertProblem(api.send(api.request("/api/auth/register").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415);
    }

    @Test
    void registerWhenBodyOver64KiBThenPayloadTooLarge() {
        String username = uniqueName("big");
        String padding = "x".repeat(70 * 1024);
        assertProblem(api.postJson("/api/auth/register", "{\"username\":\"" + username + "\",\"email\":\""
                + username + "@example.com\",\"password\":\"" + PASSWORD + "\",\"pad\":\"" + padding + "\"}"), 413);
        assertEquals(201, api.postJson("/api/auth/register",
                registration(username, username + "@example.com", PASSWORD)).status());
    }

    @Test
    void registerWhenChunkedBodyOver64KiBThenPayloadTooLarge() {
        String body = "{\"username\":\"" + uniqueName("chunk") + "\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertProblem(api.send(api.request("/api/auth/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))), 413);
    }

    @Test
    void registerWhenRacingForOneUsernameThenExactlyOneWins() {
        String username = uniqueName("race");
        List<Integer> statuses = Api.concurrently(8, i -> api.postJson("/api/auth/register",
                registration(username, uniqueName("race" + i) + "@example.com", PASSWORD)));
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        // the others: taken (409), or, when more arrive at once than the hashing threads take,
        // told at once to retry (503 with Retry-After) by the bulkhead
        assertEquals(7, statuses.stream().filter(s -> s == 409 || s == 503).count(), statuses.toString());
    }

    private static Set<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void registerWhenControlOrInvisibleCharactersThenRefusedAndNothingStored() {
        String name = uniqueName("ctl");
        JsonObject nul = assertProblem(api.postJson("/api/auth/register", registration(name, "a\u0000b@example.com", PASSWORD)), 400);
        assertEquals("email", nul.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(api.postJson("/api/auth/register", registration(name, "al\u200Bice@example.com", PASSWORD)), 400);
        assertProblem(api.postJson("/api/auth/register", registration(name + "\u200D", name + "@example.com", PASSWORD)), 400);
        assertProblem(api.postJson("/api/auth/register", registration(name, name + "@example.com", PASSWORD + "\u0000")), 400);
        assertEquals(201, api.postJson("/api/auth/register", registration(name, name + "@example.com", PASSWORD)).status(),
                "none of the refused ones was stored");
    }

    @Test
    void loginWhenThePasswordHasTrailingNulsThenRefusedNotLoggedIn() {
        String username = api.newUser("nul");
        JsonObject problem = assertProblem(api.postJson("/api/auth/login",
                Api.credentials(username, PASSWORD + "\u0000\u0000")), 400);
        assertEquals("password", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(200, api.postJson("/api/auth/login", Api.credentials(username, PASSWORD)).status());
    }

    @Test
    void registerWhenTheUsernameIsTakenThenConflictWithoutHashingAPassword() {
        org.junit.jupiter.api.Assumptions.assumeTrue("liberty".equals(System.getProperty("jwtlib.it.server")),
                "the hash count is read from MicroProfile Metrics, a Liberty feature here");
        String username = api.newUser("taken");
        long before = hashes();
        for (int i = 0; i < 3; i++) {
            assertProblem(api.postJson("/api/auth/register", registration(username, uniqueName("other") + "@example.com",
                    PASSWORD)), 409);
        }
        assertEquals(before, hashes(), "a 409 costs no PBKDF2");
    }

    private long hashes() {
        String metrics = api.get("/metrics?scope=application", null).body();
        java.util.regex.Matcher count = java.util.regex.Pattern
                .compile("(?m)^jwtlib_password_hash_seconds_count\\{[^}]*\\} ([0-9.eE+]+)$").matcher(metrics);
        assertTrue(count.find(), metrics);
        return (long) Double.parseDouble(count.group(1));
    }
}
