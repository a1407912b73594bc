package dev.jwtlib.admin;

import dev.jwtlib.http.OptionalField;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** {@code PATCH /api/admin/users/{username}}: the fields to change; absent ones stay as they are. */
public record UserPatch(@OptionalField @JsonbProperty("is_active") Boolean active,
                        @OptionalField @JsonbProperty("roles") List<String> roles) {
}
