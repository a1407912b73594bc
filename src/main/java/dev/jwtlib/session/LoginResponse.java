package dev.jwtlib.session;

import dev.jwtlib.account.PublicUser;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The answer to a login or refresh: a new access and refresh token pair. */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "refreshToken", "user"})
public record LoginResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("user") PublicUser user) implements LoginResult {
}
