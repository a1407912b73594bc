package dev.jwtlib.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.nosql.Entity;
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
    void theListHoldsEveryEntityClassInTheCode() throws Exception {
        Path classes = Path.of(EntityClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> annotated;
        try (Stream<Path> files = Files.walk(classes)) {
            annotated = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(EntityClassesTest::load)
                    .filter(c -> c.isAnnotationPresent(Entity.class))
                    .collect(Collectors.toSet());
        }
        assertEquals(annotated, new EntityClasses().entities(), "the code's @Entity classes");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EntityClassesTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(name, e);
        }
    }
}
