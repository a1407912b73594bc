package dev.jwtlib.session;

import jakarta.json.bind.annotation.JsonbProperty;

/** The answer to a logout (the Python {@code LogoutResponse}). */
public record LogoutResponse(@JsonbProperty("message") String message) {
}
