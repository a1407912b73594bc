package dev.jwtlib.account;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** What anyone may see of a user: never a hash, salt or internal id. */
@JsonbPropertyOrder({"username", "email", "emailVerified", "isActive", "roles", "mfaEnabled"})
public record PublicUser(
        @JsonbProperty("username") String username,
        @JsonbProperty("email") String email,
        @JsonbProperty("email_verified") boolean emailVerified,
        @JsonbProperty("is_active") boolean isActive,
        @JsonbProperty("roles") List<String> roles,
        @JsonbProperty("mfa_enabled") boolean mfaEnabled) {

    public static PublicUser of(User user) {
        return new PublicUser(user.username(), user.email(), user.emailVerified(), user.active(),
                user.roles().stream().sorted().toList(), user.mfaEnabled());
    }
}
