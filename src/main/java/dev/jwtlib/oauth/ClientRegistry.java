package dev.jwtlib.oauth;

import dev.jwtlib.account.Roles;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.InvalidInput.FieldError;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.token.RevocationList;
import dev.jwtlib.verify.TokenIds;
import dev.jwtlib.verify.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an administrator does with clients: create one (its secret generated and shown once),
 * give it a new secret (the old one stops working, and so do its tokens), delete it (its tokens
 * end too). Audited.
 */
@ApplicationScoped
public class ClientRegistry {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    /** The form of a user's id: a client's id is the {@code sub} of its tokens, and must never be a user's. */
    private static final Pattern USER_ID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_DESCRIPTION = 200;

    /** A client and its secret, which is shown this once. */
    public record Created(OAuthClient client, String secret) {
    }

    @Inject
    Clients clients;
    @Inject
    ClientAuthentication authentication;
    @Inject
    RevocationList revocations;
    @Inject
    TokenSettings tokenSettings;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    /**
     * @param clientId    its id, or empty for a generated one
     * @param secret      a secret the administrator brings (moving an existing client), or empty for a generated one
     * @throws InvalidInput listing what is wrong
     * @throws dev.jwtlib.error.Conflict when the id is taken
     */
    public Created create(Optional<String> clientId, Optional<String> description, Optional<List<String>> roles,
                          Optional<String> secret, String by) {
        List<FieldError> errors = new ArrayList<>();
        String id = clientId.orElseGet(() -> "client-" + TokenIds.random(12).replace('_', 'x').replace('-', 'y'));
        if (!CLIENT_ID.matcher(id).matches()) {
            errors.add(new FieldError("client_id", "must be 3 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit"));
        } else if (USER_ID.matcher(id).matches()) {
            errors.add(new FieldError("client_id", "must not have the form of a UUID (users' ids have it)"));
        }
        List<String> granted = roles.map(list -> list.stream().distinct().sorted().toList()).orElse(List.of(Roles.SERVICE));
        if (!Roles.ALL.containsAll(granted)) {
            errors.add(new FieldError("roles", "may hold only " + Roles.ALL.stream().sorted().toList()));
        }
        String text = description.map(String::strip).orElse("");
        if (text.length() > MAX_DESCRIPTION || text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters, without control characters"));
        }
        secret.flatMap(ClientRegistry::secretProblem).ifPresent(m -> errors.add(new FieldError("client_secret", m)));
        if (!errors.isEmpty()) {
            throw new InvalidInput("The client is not valid.", errors);
        }
        String clear = secret.orElseGet(ClientSecrets::generate);
        long now = clock.millis();
        OAuthClient client = clients.insert(new OAuthClient(id, ClientSecrets.digest(clear), granted, text, now, now));
        authentication.forget(id);
        events.clientAdministration(id, "created", by, Map.of("roles", String.join(",", granted)));
        return new Created(client, clear);
    }

    /**
     * A new secret: the old one stops working at once, and so do the tokens the client got with it.
     *
     * @throws ClientNotFound when there is no such client
     */
    public Created newSecret(String clientId, Optional<String> secret, String by) {
        get(clientId);
        secret.flatMap(ClientRegistry::secretProblem).ifPresent(m -> {
            throw new InvalidInput("client_secret", m);
        });
        String clear = secret.orElseGet(ClientSecrets::generate);
        OAuthClient client = clients.replaceSecret(clientId, ClientSecrets.digest(clear), clock.instant())
                .orElseThrow(() -> new ClientNotFound(clientId));
        authentication.forget(clientId);
        revocations.revokeUser(clientId, tokenSettings.ttl());
        events.clientAdministration(clientId, "secret_replaced", by, Map.of());
        return new Created(client, clear);
    }

    /** Deletes the client and ends its tokens. */
    public void delete(String clientId, String by) {
        get(clientId);
        revocations.revokeUser(clientId, tokenSettings.ttl());
        clients.delete(clientId);
        authentication.forget(clientId);
        events.clientAdministration(clientId, "deleted", by, Map.of());
    }

    /**
     * @throws ClientNotFound when there is no such client
     */
    public OAuthClient get(String clientId) {
        return clients.byId(clientId).orElseThrow(() -> new ClientNotFound(clientId));
    }

    public List<OAuthClient> page(long offset, long limit) {
        return clients.page(offset, limit);
    }

    public long count() {
        return clients.count();
    }

    /** A secret an administrator brings must be as hard to guess as a long passphrase. */
    private static Optional<String> secretProblem(String secret) {
        if (secret.length() < ClientSecrets.MIN_GIVEN_LENGTH || secret.length() > 256) {
            return Optional.of("must be " + ClientSecrets.MIN_GIVEN_LENGTH + " to 256 characters (or leave it out: one is generated)");
        }
        if (secret.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }
}
