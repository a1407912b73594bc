package dev.jwtlib.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtlib.error.InvalidInput.FieldError;
import dev.jwtlib.error.InvalidInput;
import jakarta.json.bind.annotation.JsonbProperty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRequestsTest {

    public record Credentials(@JsonbProperty("username") String username,
                              @JsonbProperty("current_password") String currentPassword) {
    }

    public record Patch(@OptionalField @JsonbProperty("is_active") Boolean active,
                        @OptionalField @JsonbProperty("roles") List<String> roles) {
    }

    private static <T extends Record> T read(String json, Class<T> type) {
        return JsonRequests.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static List<FieldError> errors(String json, Class<? extends Record> type) {
        return assertThrows(InvalidInput.class, () -> read(json, type), json).errors();
    }

    @Test
    void readWhenFieldsAreStringsThenBoundUnderTheirJsonNamesAndUnknownFieldsIgnored() {
        Credentials read = read("{\"username\":\"alice\",\"current_password\":\"pw\",\"unknown\":{\"$gt\":1}}",
                Credentials.class);
        assertEquals(new Credentials("alice", "pw"), read);
    }

    @Test
    void readWhenOperatorObjectArrayNumberBooleanOrNullWhereAStringBelongsThenOneErrorForThatField() {
        for (String value : new String[] {"{\"$ne\":null}", "[\"a\"]", "42", "true", "null"}) {
            List<FieldError> errors = errors("{\"username\":" + value + ",\"current_password\":\"pw\"}", Credentials.class);
            assertEquals(List.of(new FieldError("username", "must be a string")), errors, value);
        }
    }

    @Test
    void readWhenFieldsMissingThenEveryOneIsReported() {
        assertEquals(List.of(new FieldError("username", "is required"), new FieldError("current_password", "is required")),
                errors("{}", Credentials.class));
    }

    @Test
    void readWhenNotAJsonObjectThenTheBodyIsTheError() {
        for (String json : new String[] {"", "   ", "[]", "\"s\"", "1", "{", "{\"a\":}", "nul"}) {
            assertEquals("body", errors(json, Credentials.class).get(0).field(), json);
        }
    }

    @Test
    void readWhenOptionalFieldsAbsentThenNull() {
        Patch patch = read("{}", Patch.class);
        assertNull(patch.active());
        assertNull(patch.roles());
        assertEquals(new Patch(false, List.of("user")), read("{\"is_active\":false,\"roles\":[\"user\"]}", Patch.class));
    }

    @Test
    void readWhenBooleanOrStringListHasTheWrongTypeThenErrors() {
        assertEquals(List.of(new FieldError("is_active", "must be true or false"),
                        new FieldError("roles", "must be an array of strings")),
                errors("{\"is_active\":\"false\",\"roles\":[\"user\",{\"$set\":1}]}", Patch.class));
    }
}
