package dev.jwtlib.http;

import java.util.Map;
import jakarta.json.JsonReaderFactory;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.error.InvalidInput.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON request body read with JSON-P, with typed field access that collects every problem:
 * a field of the wrong JSON type (an object where a string belongs, such as {@code {"$ne": null}})
 * is an error, never passed on. Unknown fields are ignored.
 */
public final class JsonBody {

    /** One factory, not a provider lookup (a ServiceLoader scan) per call of {@code Json.createReader}. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final JsonObject object;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    /**
     * @throws InvalidInput when the body is empty, not JSON, or not a JSON object
     */
    public static JsonBody read(InputStream body) {
        return readOptional(body).orElseThrow(() -> new InvalidInput("body", "a JSON object is required"));
    }

    /** The body as a JSON object, or empty when there is no body at all. */
    public static Optional<JsonBody> readOptional(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject json) {
                return Optional.of(new JsonBody(json));
            }
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInput("body", "is not valid JSON");
        }
        throw new InvalidInput("body", "must be a JSON object");
    }

    /** A JSON object wrapped for the same typed access (an empty one when {@code null}). */
    public static JsonBody of(JsonObject object) {
        return new JsonBody(object == null ? JsonValue.EMPTY_JSON_OBJECT : object);
    }

    /** The string value of a field that must be present; records an error and returns {@code null} otherwise. */
    public String requiredString(String field) {
        Optional<String> value = optionalString(field);
        if (value.isEmpty() && !object.containsKey(field)) {
            errors.add(new FieldError(field, "is required"));
        }
        return value.orElse(null);
    }

    /** The string value of a field, empty when absent or {@code null}; records an error for any other type. */
    public Optional<String> optionalString(String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (value == JsonValue.NULL) {
                errors.add(new FieldError(field, "must be a string"));
            }
            return Optional.empty();
        }
        if (value instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        errors.add(new FieldError(field, "must be a string"));
        return Optional.empty();
    }

    /** A boolean field, empty when absent; records an error for any other type. */
    public Optional<Boolean> optionalBoolean(String field) {
        JsonValue value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        errors.add(new FieldError(field, "must be true or false"));
        return Optional.empty();
    }

    /** An array of strings, empty when absent; records an error for any other shape. */
    public Optional<List<String>> optionalStrings(String field) {
        JsonValue value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonArray array && array.stream().allMatch(v -> v instanceof JsonString)) {
            return Optional.of(array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        }
        errors.add(new FieldError(field, "must be an array of strings"));
        return Optional.empty();
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /**
     * @throws InvalidInput listing every error recorded so far
     */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw new InvalidInput("The request is not valid.", errors);
        }
    }
}
