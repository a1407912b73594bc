package dev.jwtlib.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application of someone else's (an executable jar the build made from {@code src/it}) run as
 * a process of its own on a free port next to the server under test, its output in
 * {@code target/<name>.log}.
 */
final class ExternalApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final Path log;
    final Api api;

    private ExternalApp(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.api = new Api("http://localhost:" + port);
    }

    /** Starts {@code java -jar jar --server.port=<free> args...}; {@link #awaitReady} waits for it. */
    static ExternalApp start(String name, Path jar, List<String> args) throws IOException {
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: the build makes it (maven-invoker-plugin, src/it) before the integration tests");
        }
        int port = freePort();
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ExternalApp(name, process, log, port);
    }

    /** Waits until {@code readyPath} answers 200. */
    ExternalApp awaitReady(String readyPath) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail(name + " stopped while starting (exit " + process.exitValue() + "):\n" + tail());
            }
            try {
                if (api.get(readyPath, null).status() == 200) {
                    return this;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail(name + " did not answer " + readyPath + " within " + START_TIMEOUT + ":\n" + tail());
        return this;
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
