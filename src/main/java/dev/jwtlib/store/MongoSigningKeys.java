package dev.jwtlib.store;

import dev.jwtlib.token.SigningKeys;
import dev.jwtlib.token.StoredSigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;

/** {@link SigningKeys} in the collection {@code signing_keys}, through JNoSQL's template. */
@ApplicationScoped
@Typed(SigningKeys.class)
class MongoSigningKeys implements SigningKeys {

    @Inject
    MongoDBTemplate template;

    @Override
    public List<StoredSigningKey> all(String alg) {
        return template.select(StoredSigningKey.class).where("alg").eq(alg).result();
    }

    @Override
    public boolean add(StoredSigningKey key) {
        try {
            template.insert(key);
            return true;
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void replace(StoredSigningKey key) {
        template.update(key);
    }

    @Override
    public void remove(String kid) {
        template.delete(StoredSigningKey.class, kid);
    }
}
