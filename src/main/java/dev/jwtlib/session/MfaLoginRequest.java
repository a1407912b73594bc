package dev.jwtlib.session;

import jakarta.json.bind.annotation.JsonbProperty;

/** The second step of a login: the {@code mfa_token} of the first and a TOTP or recovery code. */
public record MfaLoginRequest(@JsonbProperty("mfa_token") String mfaToken, @JsonbProperty("code") String code) {

    @Override
    public String toString() {
        return "MfaLoginRequest[]";
    }
}
