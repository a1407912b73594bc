package dev.jwtlib.oauth;

import dev.jwtlib.http.OptionalField;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** {@code POST /api/admin/clients}: everything may be left out. */
public record ClientRequest(@OptionalField @JsonbProperty("client_id") String clientId,
                            @OptionalField @JsonbProperty("description") String description,
                            @OptionalField @JsonbProperty("roles") List<String> roles,
                            @OptionalField @JsonbProperty("client_secret") String clientSecret) {

    @Override
    public String toString() {
        return "ClientRequest[clientId=" + clientId + "]";
    }
}
