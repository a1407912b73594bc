package dev.jwtlib.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A further Liberty server the build prepared next to the Arquillian one (same runtime, the
 * same WAR in its dropins, its own port and store settings), started and stopped by a test.
 */
final class ExtraLibertyServer {

    private final String name;
    final Api api;

    ExtraLibertyServer(String name, String baseUrl) {
        this.name = name;
        this.api = new Api(baseUrl);
    }

    /** Starts the server and waits until the application answers. */
    void start() throws IOException, InterruptedException {
        run("start");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (api.get("/.well-known/jwks.json", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while the server starts
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server " + name + " did not start within 120 s");
    }

    void stop() throws IOException, InterruptedException {
        run("stop");
    }

    private void run(String action) throws IOException, InterruptedException {
        Path wlp = Path.of(System.getProperty("jwtlib.it.wlp"));
        Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server " + action + " " + name + " did not finish");
        }
    }
}
