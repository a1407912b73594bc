package dev.jwtlib.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.data.repository.Repository;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import java.lang.annotation.Annotation;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;
import org.junit.jupiter.api.Test;

class EntityClassesTest {

    @Test
    void whenJnosqlLooksForItsScannerThenItGetsTheListNotTheClasspathScan() {
        assertInstanceOf(EntityClasses.class, ClassScanner.load());
    }

    @Test
    void theListsMatchTheAnnotatedClassesOfTheCode() throws Exception {
        EntityClasses scanner = new EntityClasses();
        assertEquals(annotated(Entity.class), scanner.entities(), "the code's @Entity classes");
        assertEquals(annotated(Embeddable.class), scanner.embeddables(), "the code's @Embeddable classes");
        assertEquals(annotated(Repository.class), scanner.repositoriesStandard(), "the code's @Repository interfaces");
        assertEquals(Set.of(), scanner.customRepositories());
    }

    /** The classes of the application's own class directory (or jar) that carry the annotation. */
    private static Set<Class<?>> annotated(Class<? extends Annotation> annotation) throws Exception {
        Path location = Path.of(EntityClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location);
             Stream<Path> files = Files.walk(jar == null ? location : jar.getPath("/"))) {
            Path root = jar == null ? location : jar.getPath("/");
            return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("META-INF"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(EntityClassesTest::load)
                    .filter(c -> c.isAnnotationPresent(annotation))
                    .collect(Collectors.toSet());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EntityClassesTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(name, e);
        }
    }
}
