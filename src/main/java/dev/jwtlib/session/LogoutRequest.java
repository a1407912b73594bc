package dev.jwtlib.session;

import dev.jwtlib.http.OptionalField;
import jakarta.json.bind.annotation.JsonbProperty;

/** The optional body of {@code POST /api/auth/logout}: the refresh token whose login ends too. */
public record LogoutRequest(@OptionalField @JsonbProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
        return "LogoutRequest[***]";
    }
}
