package dev.jwtlib.store;

import dev.jwtlib.account.User;
import dev.jwtlib.token.StoredSigningKey;
import jakarta.data.repository.DataRepository;
import java.util.Set;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;

/**
 * Tells Eclipse JNoSQL which classes are entities, instead of letting it find them.
 *
 * <p>JNoSQL takes the first {@link ClassScanner} its {@code ServiceLoader} finds. The one it
 * ships scans every class the application's class loader can see with ClassGraph (on Liberty
 * about 1.7 GB allocated at start-up, and a transient live set of ~210 MiB: the heap reached
 * a 256 MiB ceiling and took two full collections). This one is registered in the WAR's own
 * {@code META-INF/services}, which the class loader lists before those of the bundled jars.
 * If a server lists a bundled jar's file first, JNoSQL scans as before and {@code MongoStore}
 * logs a warning. jwtlib has two entities, no embeddables and no JNoSQL repositories;
 * {@code EntityClassesTest} checks that against the classes in the code.
 */
public final class EntityClasses implements ClassScanner {

    private static final Set<Class<?>> ENTITIES = Set.of(User.class, StoredSigningKey.class);

    @Override
    public Set<Class<?>> entities() {
        return ENTITIES;
    }

    @Override
    public Set<Class<?>> repositories() {
        return Set.of();
    }

    @Override
    public Set<Class<?>> embeddables() {
        return Set.of();
    }

    @Override
    public <T extends DataRepository<?, ?>> Set<Class<?>> repositories(Class<T> filter) {
        return Set.of();
    }

    @Override
    public Set<Class<?>> repositoriesStandard() {
        return Set.of();
    }

    @Override
    public Set<Class<?>> customRepositories() {
        return Set.of();
    }
}
