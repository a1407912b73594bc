package dev.jwtlib.account;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /api/auth/password}. */
public record PasswordChangeRequest(@JsonbProperty("current_password") String currentPassword,
                                    @JsonbProperty("new_password") String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[***]";
    }
}
