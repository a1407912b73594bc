package dev.jwtlib.error;

import dev.jwtlib.error.InvalidInput.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail ({@code type, title, status, detail} and, for invalid input,
 * {@code errors: [{field, message}]}) with the response headers that belong to it
 * ({@code WWW-Authenticate}, {@code Retry-After}). The one place where an error answer is made:
 * the authentication mechanism writes it to the servlet response, the exception mappers to a
 * JAX-RS response.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      Map<String, String> headers) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://jwtlib.dev/problems/";
    /** One factory, not a provider lookup (a ServiceLoader scan) per call of {@code Json.createObjectBuilder}. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A problem whose type is {@code https://jwtlib.dev/problems/<slug>}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of(), Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors, headers);
    }

    public Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(type, title, status, detail, errors, more);
    }

    /** The body, {@code application/problem+json}. */
    public String toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            errors.forEach(e -> list.add(JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", list);
        }
        return json.build().toString();
    }
}
