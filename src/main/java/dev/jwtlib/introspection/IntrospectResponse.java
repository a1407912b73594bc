package dev.jwtlib.introspection;

import dev.jwtlib.account.PublicUser;
import dev.jwtlib.verify.VerifiedToken;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The RFC 7662 section 2.2 answer (the Python {@code IntrospectResponse}). A usable token gives
 * {@code active: true} with its claims and user; anything else gives exactly
 * {@code {"active": false}}, with no hint why (absent members are left out of the JSON).
 */
@JsonbPropertyOrder({"active", "sub", "username", "exp", "iat", "iss", "jti", "tokenType", "groups", "user"})
public record IntrospectResponse(
        @JsonbProperty("active") boolean active,
        @JsonbProperty("sub") String sub,
        @JsonbProperty("username") String username,
        @JsonbProperty("exp") Long exp,
        @JsonbProperty("iat") Long iat,
        @JsonbProperty("iss") String iss,
        @JsonbProperty("jti") String jti,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("groups") List<String> groups,
        @JsonbProperty("user") PublicUser user) {

    private static final IntrospectResponse INACTIVE =
            new IntrospectResponse(false, null, null, null, null, null, null, null, null, null);

    public IntrospectResponse {
        groups = groups == null ? null : List.copyOf(groups);
    }

    public static IntrospectResponse inactive() {
        return INACTIVE;
    }

    /** The answer for a usable token of an existing, active user. */
    public static IntrospectResponse active(VerifiedToken token, PublicUser user) {
        return new IntrospectResponse(true, token.subject(), token.username(), token.expiresAt().getEpochSecond(),
                token.issuedAt().getEpochSecond(), token.issuer(), token.jti(), "Bearer",
                token.groups().stream().sorted().toList(), user);
    }
}
