package dev.jwtlib.session;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /api/auth/login} (the Python {@code LoginRequest}). */
public record LoginRequest(@JsonbProperty("username") String username, @JsonbProperty("password") String password) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
