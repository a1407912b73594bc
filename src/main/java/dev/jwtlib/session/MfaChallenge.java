package dev.jwtlib.session;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The answer to a right password of a user with a second factor: no tokens yet, but the
 * {@code mfa_token} that {@code POST /api/auth/login/mfa} takes with a code.
 */
@JsonbPropertyOrder({"mfaRequired", "mfaToken", "expiresIn"})
public record MfaChallenge(
        @JsonbProperty("mfa_required") boolean mfaRequired,
        @JsonbProperty("mfa_token") String mfaToken,
        @JsonbProperty("expires_in") long expiresIn) implements LoginResult {
}
