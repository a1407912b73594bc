package dev.jwtlib.token;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The signing keys of the configured algorithm, kept in the store so that a restart or a second
 * instance signs and verifies with the same keys. The first instance to start generates the key.
 */
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());
    private static final long RELOAD_INTERVAL_MILLIS = 5_000;

    @Inject
    MongoDBTemplate template;
    @Inject
    TokenSettings settings;
    @Inject
    Clock clock;

    private volatile Map<String, SigningKey> keys = Map.of();
    private volatile SigningKey signer;
    private volatile long lastReload;

    @PostConstruct
    void load() {
        reload();
        if (keys.isEmpty()) {
            SigningKey created = generate();
            template.insert(toStored(created));
            LOG.info(() -> "jwtlib: generated a new " + created.algorithm().jwsName()
                    + " signing key kid=" + created.kid() + " and saved it in the store");
            reload();
        }
        LOG.info(() -> "jwtlib: signing with " + signer.algorithm().jwsName() + " key kid=" + signer.kid()
                + " (" + keys.size() + " verification key(s))");
    }

    /** The key new tokens are signed with. */
    SigningKey signer() {
        return signer;
    }

    /**
     * The public key for {@code kid}; an unknown kid reloads the ring from the store at most
     * every few seconds, so a key created by another instance is found without a restart.
     */
    Optional<PublicKey> verificationKey(String kid) {
        SigningKey key = keys.get(kid);
        if (key == null && clock.millis() - lastReload > RELOAD_INTERVAL_MILLIS) {
            reloadIfDue();
            key = keys.get(kid);
        }
        return Optional.ofNullable(key).map(SigningKey::publicKey);
    }

    /** Every verification key, for the JWK Set. */
    public List<PublicJsonWebKey> publicJwks() {
        return keys.values().stream()
                .sorted(Comparator.comparing(SigningKey::createdAt))
                .map(KeyRing::publicJwk)
                .toList();
    }

    private synchronized void reloadIfDue() {
        if (clock.millis() - lastReload > RELOAD_INTERVAL_MILLIS) {
            reload();
        }
    }

    private synchronized void reload() {
        String alg = settings.algorithm().jwsName();
        List<SigningKey> loaded = template.select(StoredSigningKey.class).where("alg").eq(alg)
                .<StoredSigningKey>result().stream()
                .map(KeyRing::fromStored)
                .filter(k -> k.algorithm().accepts(k.publicKey()))
                .toList();
        keys = loaded.stream().collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity()));
        // Every instance picks the same signer: the oldest key, ties broken by kid.
        signer = loaded.stream()
                .min(Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::kid))
                .orElse(null);
        lastReload = clock.millis();
    }

    private SigningKey generate() {
        TokenAlgorithm algorithm = settings.algorithm();
        var pair = algorithm.generateKeyPair();
        String kid = TokenIds.random(16);
        return new SigningKey(kid, algorithm, pair.getPrivate(), pair.getPublic(),
                Instant.ofEpochMilli(clock.millis()));
    }

    private static StoredSigningKey toStored(SigningKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.publicKey());
            jwk.setPrivateKey(key.privateKey());
            jwk.setKeyId(key.kid());
            return new StoredSigningKey(key.kid(), key.algorithm().jwsName(),
                    jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), key.createdAt().toEpochMilli());
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot encode signing key " + key.kid(), e);
        }
    }

    private static SigningKey fromStored(StoredSigningKey stored) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(stored.privateJwk());
            return new SigningKey(stored.kid(), TokenAlgorithm.fromConfig(stored.alg()), jwk.getPrivateKey(),
                    jwk.getPublicKey(), Instant.ofEpochMilli(stored.createdAt()));
        } catch (JoseException e) {
            throw new IllegalStateException("Signing key " + stored.kid() + " in the store cannot be read", e);
        }
    }

    private static PublicJsonWebKey publicJwk(SigningKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.publicKey());
            jwk.setKeyId(key.kid());
            jwk.setAlgorithm(key.algorithm().jwsName());
            jwk.setUse("sig");
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot encode public key " + key.kid(), e);
        }
    }
}
