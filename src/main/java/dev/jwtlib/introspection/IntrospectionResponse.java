package dev.jwtlib.introspection;

import java.util.Map;
import jakarta.json.JsonBuilderFactory;
import dev.jwtlib.account.PublicUser;
import dev.jwtlib.token.VerifiedToken;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The RFC 7662 section 2.2 answer. A usable token gives {@code active: true} with its claims and
 * user; anything else gives exactly {@code {"active": false}}, with no hint why.
 */
public final class IntrospectionResponse {

    /** One factory, not a provider lookup (a ServiceLoader scan) per call of {@code Json.createObjectBuilder}. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private static final JsonObject INACTIVE = JSON.createObjectBuilder().add("active", false).build();

    private IntrospectionResponse() {
    }

    public static JsonObject inactive() {
        return INACTIVE;
    }

    public static JsonObject active(VerifiedToken token, PublicUser user) {
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        token.groups().stream().sorted().forEach(groups::add);
        JsonArrayBuilder roles = JSON.createArrayBuilder();
        user.roles().forEach(roles::add);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("active", true)
                .add("sub", token.subject())
                .add("username", token.username())
                .add("exp", token.expiresAt().getEpochSecond())
                .add("iat", token.issuedAt().getEpochSecond())
                .add("iss", token.issuer())
                .add("jti", token.jti())
                .add("token_type", "Bearer")
                .add("groups", groups)
                .add("user", JSON.createObjectBuilder()
                        .add("username", user.username())
                        .add("email", user.email())
                        .add("is_active", user.isActive())
                        .add("roles", roles));
        return json.build();
    }

}
