package dev.jwtlib.introspection;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * An introspection request as JSON (the Python {@code IntrospectRequest}); RFC 7662's form body
 * {@code token=…&token_type_hint=…} is read into the same record.
 */
public record IntrospectRequest(@JsonbProperty("token") String token) {

    @Override
    public String toString() {
        return "IntrospectRequest[***]";
    }
}
