package dev.jwtlib.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A further Liberty server of the build's runtime next to the Arquillian one, started and
 * stopped by a test: one the build prepared (its own port and store settings, see
 * {@code src/test/liberty/servers}) that runs the WAR the build made, or one a test
 * {@linkplain #prepare prepares}.
 */
final class ExtraLibertyServer {

    private final String name;
    private final String readyPath;
    private final boolean builtWar;
    final Api api;

    /** A server the build prepared, running the built WAR: ready when its JWKS answers. */
    ExtraLibertyServer(String name, String baseUrl) {
        this(name, baseUrl, "/.well-known/jwks.json", true);
    }

    /** A server a test {@linkplain #prepare prepares}, ready when {@code readyPath} answers 200. */
    ExtraLibertyServer(String name, String baseUrl, String readyPath) {
        this(name, baseUrl, readyPath, false);
    }

    private ExtraLibertyServer(String name, String baseUrl, String readyPath, boolean builtWar) {
        this.name = name;
        this.api = new Api(baseUrl);
        this.readyPath = readyPath;
        this.builtWar = builtWar;
    }

    /** Creates the server if the build did not, with this configuration and this one application. */
    void prepare(String serverXml, WebArchive application) throws IOException, InterruptedException {
        Path server = Path.of(System.getProperty("jwtlib.it.wlp"), "usr/servers", name);
        if (!Files.isDirectory(server)) {
            run("create");
        }
        Files.writeString(server.resolve("server.xml"), serverXml);
        Files.createDirectories(server.resolve("dropins"));
        application.as(ZipExporter.class).exportTo(server.resolve("dropins").resolve(application.getName()).toFile(), true);
    }

    /** Starts the server (with the WAR the build made, for a prepared one) and waits until the application answers. */
    void start() throws IOException, InterruptedException {
        if (builtWar) {
            Path dropins = Path.of(System.getProperty("jwtlib.it.wlp"), "usr/servers", name, "dropins");
            Files.createDirectories(dropins);
            Files.copy(Path.of(System.getProperty("jwtlib.it.war", "target/jwtlib.war")), dropins.resolve("jwtlib.war"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        run("start");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (api.get(readyPath, null).status() == 200) {
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

    /** Kills the server's process at once (SIGKILL, as {@code kill -9} does): no shutdown, nothing flushed. */
    void kill() throws Exception {
        Path pidFile = Path.of(System.getProperty("jwtlib.it.wlp"), "usr/servers/.pid", name + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
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
