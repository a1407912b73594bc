package dev.jwtlib.problem;

import java.util.Map;
import jakarta.json.JsonBuilderFactory;
import dev.jwtlib.error.InvalidInput.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail: {@code type, title, status, detail} and, for invalid input,
 * {@code errors: [{field, message}]}. Rendered with JSON-P as {@code application/problem+json}.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** One factory, not a provider lookup (a ServiceLoader scan) per call of {@code Json.createObjectBuilder}. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://jwtlib.dev/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem whose type is {@code https://jwtlib.dev/problems/<slug>}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors);
    }

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

    /** A response builder with this problem as its body and the status set. */
    public Response.ResponseBuilder response() {
        return Response.status(status).type(PROBLEM_JSON).entity(toJson());
    }
}
