package dev.jwtlib.introspection;

import dev.jwtlib.account.PublicUser;
import dev.jwtlib.verify.VerifiedToken;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The RFC 7662 section 2.2 answer (the Python {@code IntrospectResponse}). A usable token gives
 * {@code active: true} with its claims (RFC 7662 section 2.2) and the user, or for a client's own
 * token its {@code client_id}; anything else gives exactly
 * {@code {"active": false}}, with no hint why (absent members are left out of the JSON).
 */
@JsonbPropertyOrder({"active", "sub", "username", "clientId", "exp", "iat", "iss", "aud", "jti", "tokenType", "groups", "amr", "user"})
public record IntrospectResponse(
        @JsonbProperty("active") boolean active,
        @JsonbProperty("sub") String sub,
        @JsonbProperty("username") String username,
        @JsonbProperty("client_id") String clientId,
        @JsonbProperty("exp") Long exp,
        @JsonbProperty("iat") Long iat,
        @JsonbProperty("iss") String iss,
        @JsonbProperty("aud") String aud,
        @JsonbProperty("jti") String jti,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("groups") List<String> groups,
        @JsonbProperty("amr") List<String> amr,
        @JsonbProperty("user") PublicUser user) {

    private static final IntrospectResponse INACTIVE =
            new IntrospectResponse(false, null, null, null, null, null, null, null, null, null, null, null, null);

    public IntrospectResponse {
        groups = groups == null ? null : List.copyOf(groups);
        amr = amr == null ? null : List.copyOf(amr);
    }

    public static IntrospectResponse inactive() {
        return INACTIVE;
    }

    /**
     * The answer for a usable token: of an existing, active user ({@code user} given), or a
     * client's own token of an existing client ({@code user} {@code null}, {@code client_id} set).
     *
     * @param audience the {@code aud} every token carries, or {@code null}
     */
    public static IntrospectResponse active(VerifiedToken token, PublicUser user, String audience) {
        return new IntrospectResponse(true, token.subject(), token.username(), token.clientId(),
                token.expiresAt().getEpochSecond(), token.issuedAt().getEpochSecond(), token.issuer(), audience, token.jti(),
                "Bearer", token.groups().stream().sorted().toList(), token.amr().isEmpty() ? null : token.amr(), user);
    }
}
