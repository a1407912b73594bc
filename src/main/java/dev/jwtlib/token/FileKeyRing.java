package dev.jwtlib.token;

import dev.jwtlib.error.Conflict;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * Signing keys the operator manages ({@code jwtlib.keys.location}): the file's first key signs,
 * all of them verify and are published; rotation is the operator's (replace the file, restart).
 */
final class FileKeyRing implements KeyRing {

    private final Path location;
    private final SigningKey signer;
    private final Map<String, SigningKey> published;

    FileKeyRing(Path location, List<SigningKey> keys) {
        this.location = location;
        this.signer = keys.get(0);
        this.published = keys.stream().collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity()));
    }

    @Override
    public SigningKey signer() {
        return signer;
    }

    @Override
    public Optional<PublicKey> verificationKey(String kid) {
        return Optional.ofNullable(published.get(kid)).map(SigningKey::publicKey);
    }

    @Override
    public List<PublicJsonWebKey> publicJwks() {
        return published.values().stream().sorted(Comparator.comparing(SigningKey::kid)).map(KeyCodec::publicJwk).toList();
    }

    @Override
    public List<SigningKey> publishedKeys() {
        return published.values().stream().sorted(Comparator.comparing(SigningKey::activatesAt)).toList();
    }

    @Override
    public boolean rotatable() {
        return false;
    }

    @Override
    public Rotation rotate() {
        throw new Conflict("Signing keys come from jwtlib.keys.location; replace that file to rotate them.");
    }

    @Override
    public String describe() {
        return "signing with " + signer.algorithm().jwsName() + " key kid=" + signer.kid() + " from " + location + " ("
                + published.size() + " published key(s); rotation is managed outside jwtlib)";
    }
}
