package dev.jwtlib.lifecycle;

import dev.jwtlib.http.OptionalField;
import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /api/auth/password/forgot}: the username or the email of the account. */
public record ForgotPasswordRequest(@OptionalField @JsonbProperty("username") String username,
                                    @OptionalField @JsonbProperty("email") String email) {
}
