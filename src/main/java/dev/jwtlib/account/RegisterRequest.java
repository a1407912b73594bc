package dev.jwtlib.account;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /api/auth/register} (the Python {@code RegisterRequest}). */
public record RegisterRequest(@JsonbProperty("username") String username, @JsonbProperty("email") String email,
                              @JsonbProperty("password") String password) {

    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + "]";
    }
}
