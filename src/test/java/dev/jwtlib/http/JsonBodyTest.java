package dev.jwtlib.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.error.InvalidInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static JsonBody body(String json) {
        return JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void requiredStringWhenPresentThenValue() {
        JsonBody body = body("{\"username\":\"alice\",\"unknown\":{\"ignored\":true}}");
        assertEquals("alice", body.requiredString("username"));
        assertTrue(body.isValid());
    }

    @Test
    void requiredStringWhenOperatorObjectArrayNumberOrNullThenError() {
        for (String value : new String[] {"{\"$ne\":null}", "[\"a\"]", "42", "true", "null"}) {
            JsonBody body = body("{\"username\":" + value + "}");
            assertEquals(null, body.requiredString("username"), value);
            InvalidInput e = assertThrows(InvalidInput.class, body::requireValid, value);
            assertEquals("username", e.errors().get(0).field());
            assertEquals(1, e.errors().size(), value);
        }
    }

    @Test
    void requiredStringWhenMissingThenErrorPerField() {
        JsonBody body = body("{}");
        body.requiredString("a");
        body.requiredString("b");
        assertEquals(List.of("a", "b"), assertThrows(InvalidInput.class, body::requireValid).errors().stream()
                .map(InvalidInput.FieldError::field).toList());
    }

    @Test
    void readWhenNotAnObjectThenInvalidInput() {
        for (String json : new String[] {"", "   ", "[]", "\"s\"", "1", "{", "{\"a\":}", "nul"}) {
            assertThrows(InvalidInput.class, () -> body(json), json);
        }
    }

    @Test
    void readOptionalWhenEmptyThenEmpty() {
        assertEquals(Optional.empty(), JsonBody.readOptional(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void optionalBooleanAndStringsWhenWrongTypesThenErrors() {
        JsonBody body = body("{\"is_active\":\"false\",\"roles\":[\"user\",{\"$set\":1}]}");
        assertEquals(Optional.empty(), body.optionalBoolean("is_active"));
        assertEquals(Optional.empty(), body.optionalStrings("roles"));
        assertFalse(body.isValid());
        JsonBody good = body("{\"is_active\":false,\"roles\":[\"user\"]}");
        assertEquals(Optional.of(false), good.optionalBoolean("is_active"));
        assertEquals(Optional.of(List.of("user")), good.optionalStrings("roles"));
    }
}
