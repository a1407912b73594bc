package dev.jwtlib.lifecycle;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /api/auth/email/verify}. */
public record VerifyEmailRequest(@JsonbProperty("code") String code) {

    @Override
    public String toString() {
        return "VerifyEmailRequest[***]";
    }
}
