package dev.jwtlib.oauth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** What the admin API shows of clients: never a secret's digest. */
final class ClientViews {

    private ClientViews() {
    }

    /** A client as listed and read. */
    @JsonbPropertyOrder({"clientId", "roles", "description", "createdAt", "updatedAt"})
    public record View(@JsonbProperty("client_id") String clientId, @JsonbProperty("roles") List<String> roles,
                       @JsonbProperty("description") String description, @JsonbProperty("created_at") long createdAt,
                       @JsonbProperty("updated_at") long updatedAt) {

        static View of(OAuthClient client) {
            return new View(client.clientId(), client.roles(), client.description(), client.createdAt() / 1000,
                    client.updatedAt() / 1000);
        }
    }

    /** A new client or a new secret: the one time the secret is shown. */
    @JsonbPropertyOrder({"clientId", "clientSecret", "roles", "description"})
    public record WithSecret(@JsonbProperty("client_id") String clientId, @JsonbProperty("client_secret") String clientSecret,
                             @JsonbProperty("roles") List<String> roles, @JsonbProperty("description") String description) {

        static WithSecret of(ClientRegistry.Created created) {
            return new WithSecret(created.client().clientId(), created.secret(), created.client().roles(),
                    created.client().description());
        }
    }

    /** One page of clients and how many there are. */
    public record Page(@JsonbProperty("clients") List<View> clients, @JsonbProperty("total") long total) {
    }
}
