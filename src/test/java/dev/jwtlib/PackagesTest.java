package dev.jwtlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries the build keeps, read from the compiled classes with the JDK's
 * {@code jdeps}: the resource-server side (what {@code jwtlib-resource-server.jar} holds) uses
 * nothing of the auth service, and no two packages depend on each other.
 */
class PackagesTest {

    /** The packages of the resource-server jar (see the maven-jar-plugin execution in pom.xml). */
    static final Set<String> RESOURCE_SERVER_SIDE = Set.of("dev.jwtlib.config", "dev.jwtlib.error",
            "dev.jwtlib.verify", "dev.jwtlib.mechanism", "dev.jwtlib.client");
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.jwtlib[\\w.]*)\\s+->\\s+(dev\\.jwtlib[\\w.]*)\\s");

    private static Map<String, Set<String>> dependencies;

    @BeforeAll
    static void readDependencies() {
        Path classes = Path.of("target/classes");
        assertTrue(Files.isDirectory(classes), "run from the project directory after compiling");
        StringWriter out = new StringWriter();
        int status = ToolProvider.findFirst("jdeps").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", classes.toString());
        assertEquals(0, status, out.toString());
        dependencies = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                dependencies.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
            }
        }
        assertTrue(dependencies.containsKey("dev.jwtlib.session"), "jdeps found no packages: " + out);
    }

    @Test
    void resourceServerSideDependsOnNothingOfTheService() {
        Map<String, Set<String>> leaks = new TreeMap<>();
        for (String side : RESOURCE_SERVER_SIDE) {
            for (String target : dependencies.getOrDefault(side, Set.of())) {
                if (!RESOURCE_SERVER_SIDE.contains(target)) {
                    leaks.computeIfAbsent(side, p -> new TreeSet<>()).add(target);
                }
            }
        }
        assertEquals(Map.of(), leaks);
    }

    @Test
    void noPackageCycles() {
        List<List<String>> cycles = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : dependencies.keySet()) {
            findCycle(start, new ArrayList<>(), new HashMap<>(), done, cycles);
        }
        assertEquals(List.of(), cycles);
    }

    private static void findCycle(String at, List<String> path, Map<String, Integer> onPath, Set<String> done,
                                  List<List<String>> cycles) {
        if (onPath.containsKey(at)) {
            cycles.add(List.copyOf(path.subList(onPath.get(at), path.size())));
            return;
        }
        if (!done.add(at)) {
            return;
        }
        onPath.put(at, path.size());
        path.add(at);
        for (String next : dependencies.getOrDefault(at, Set.of())) {
            findCycle(next, path, onPath, done, cycles);
        }
        path.remove(path.size() - 1);
        onPath.remove(at);
    }
}
