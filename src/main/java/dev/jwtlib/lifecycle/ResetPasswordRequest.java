package dev.jwtlib.lifecycle;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /api/auth/password/reset}. */
public record ResetPasswordRequest(@JsonbProperty("code") String code, @JsonbProperty("new_password") String newPassword) {

    @Override
    public String toString() {
        return "ResetPasswordRequest[***]";
    }
}
