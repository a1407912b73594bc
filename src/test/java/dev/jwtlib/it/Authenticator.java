package dev.jwtlib.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app, written apart from the service's code: reads the base32 secret of an
 * enrolment and computes RFC 6238 codes (HMAC-SHA-1, 6 digits, 30 s) from this machine's clock.
 */
final class Authenticator {

    final byte[] secret;

    Authenticator(String base32) {
        this.secret = base32Decode(base32);
    }

    /** The code of the step {@code offset} steps from now (0 = the current one). */
    String code(int offset) {
        return code(Instant.now().getEpochSecond() / 30 + offset);
    }

    String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0xf;
            int value = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff)) % 1_000_000;
            return String.format("%06d", value);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = buffer << 5 | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >> (bits - 8) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** An enrolled user: the app and the recovery codes shown at the confirmation. */
    record Enrolled(Authenticator app, List<String> recoveryCodes) {
    }

    /**
     * Enrols {@code username} (password {@link Api#PASSWORD}) with a token of theirs and confirms
     * with the current code; the next code to use is then {@code app.code(1)}.
     */
    static Enrolled enrol(Api api, String accessToken) {
        Api.Reply started = api.postJson("/api/auth/mfa/totp", password(), accessToken);
        assertEquals(200, started.status(), started.body());
        Authenticator app = new Authenticator(started.json().getString("secret"));
        Api.Reply confirmed = api.postJson("/api/auth/mfa/totp/confirm", code(app.code(0)), accessToken);
        assertEquals(200, confirmed.status(), confirmed.body());
        return new Enrolled(app, confirmed.json().getJsonArray("recovery_codes").getValuesAs(jakarta.json.JsonString::getString));
    }

    /** Both steps of a login; the answer of the second. */
    static Api.Reply login(Api api, String username, String code) {
        Api.Reply first = api.postJson("/api/auth/login", Api.credentials(username, Api.PASSWORD));
        assertEquals(200, first.status(), first.body());
        assertEquals(true, first.json().getBoolean("mfa_required"), first.body());
        return api.postJson("/api/auth/login/mfa", secondStep(first.json().getString("mfa_token"), code));
    }

    static String password() {
        return Json.createObjectBuilder().add("password", Api.PASSWORD).build().toString();
    }

    static String code(String code) {
        return Json.createObjectBuilder().add("code", code).build().toString();
    }

    static String passwordAndCode(String password, String code) {
        return Json.createObjectBuilder().add("password", password).add("code", code).build().toString();
    }

    static String secondStep(String mfaToken, String code) {
        JsonObject body = Json.createObjectBuilder().add("mfa_token", mfaToken).add("code", code).build();
        return body.toString();
    }
}
