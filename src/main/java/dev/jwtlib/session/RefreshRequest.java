package dev.jwtlib.session;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /api/auth/refresh}. */
public record RefreshRequest(@JsonbProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[***]";
    }
}
