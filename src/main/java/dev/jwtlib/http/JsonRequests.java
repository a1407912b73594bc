package dev.jwtlib.http;

import dev.jwtlib.error.InvalidInput.FieldError;
import dev.jwtlib.error.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds a JSON request body to a request record, strictly: the body must be a JSON object, each
 * field must have the JSON type of its record component (a string where a {@code String} belongs,
 * {@code true}/{@code false} for a {@code Boolean}, an array of strings for a {@code List<String>}),
 * and a field is required unless marked {@link OptionalField}. An object where a string belongs
 * (such as {@code {"$ne": null}}) is an error, never passed on. Every broken rule is reported at
 * once; unknown fields are ignored. The checked object is then bound with JSON-B.
 */
public final class JsonRequests {

    /** One factory, not a provider lookup (a ServiceLoader scan) per call of {@code Json.createReader}. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonRequests() {
    }

    /**
     * @throws InvalidInput when the body is not a JSON object, or a field is missing or of the wrong type
     */
    public static <T extends Record> T read(byte[] body, Class<T> type) {
        JsonObject object = object(body);
        List<FieldError> errors = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = jsonName(type, component);
            JsonValue value = object.get(name);
            if (value == null) {
                if (!component.isAnnotationPresent(OptionalField.class)) {
                    errors.add(new FieldError(name, "is required"));
                }
            } else if (!hasType(value, component.getGenericType())) {
                errors.add(new FieldError(name, expected(component.getGenericType())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("The request is not valid.", errors);
        }
        return JSONB.fromJson(object.toString(), type);
    }

    private static JsonObject object(byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidInput("body", "a JSON object is required");
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInput("body", "is not valid JSON");
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new InvalidInput("body", "must be a JSON object");
    }

    /** The JSON name: {@link JsonbProperty} on the component (which lands on its field), else its name. */
    private static String jsonName(Class<?> type, RecordComponent component) {
        try {
            JsonbProperty property = type.getDeclaredField(component.getName()).getAnnotation(JsonbProperty.class);
            return property != null && !property.value().isEmpty() ? property.value() : component.getName();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("A record component without its field: " + component, e);
        }
    }

    private static boolean hasType(JsonValue value, Type type) {
        if (type == String.class) {
            return value instanceof JsonString;
        }
        if (type == Boolean.class || type == boolean.class) {
            return value == JsonValue.TRUE || value == JsonValue.FALSE;
        }
        if (isListOfStrings(type)) {
            return value instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance);
        }
        throw new IllegalStateException("Request records hold String, Boolean and List<String> only, not " + type);
    }

    private static String expected(Type type) {
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        return "must be an array of strings";
    }

    private static boolean isListOfStrings(Type type) {
        return type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == String.class;
    }
}
