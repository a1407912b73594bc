package dev.jwtlib.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** A Liberty server of the build's runtime, made afresh for a benchmark run, started and stopped. */
final class BenchServer {

    private final Path wlp;
    private final String name;
    final int port;
    private final Path dir;

    BenchServer(Path wlp, String name, int port) {
        this.wlp = wlp;
        this.name = name;
        this.port = port;
        this.dir = wlp.resolve("usr/servers").resolve(name);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Creates the server afresh with this configuration and these applications in dropins. */
    void create(String serverXml, List<String> jvmOptions, List<Path> wars, List<WebArchive> archives)
            throws IOException, InterruptedException {
        if (Files.isDirectory(dir)) {
            run("stop", 120);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        run("create", 120);
        Files.writeString(dir.resolve("server.xml"), serverXml);
        Files.writeString(dir.resolve("bootstrap.properties"), "jwtlib.http.port=" + port + "\n");
        Files.write(dir.resolve("jvm.options"), jvmOptions);
        Path dropins = Files.createDirectories(dir.resolve("dropins"));
        for (Path war : wars) {
            Files.copy(war, dropins.resolve(war.getFileName()));
        }
        for (WebArchive archive : archives) {
            archive.as(ZipExporter.class).exportTo(dropins.resolve(archive.getName()).toFile(), true);
        }
    }

    /** Starts the server and waits until {@code readyPath} answers 200. */
    void start(String readyPath) throws IOException, InterruptedException {
        run("start", 180);
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + readyPath))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not answer " + readyPath + "; see " + dir.resolve("logs"));
    }

    void stop() throws IOException, InterruptedException {
        run("stop", 120);
    }

    /** The server's process id, from its workarea, for the memory figure. */
    long pid() throws IOException {
        Path pidFile = wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
        return Long.parseLong(Files.readString(pidFile).trim());
    }

    /** CPU time the server process has used (user + system), in nanoseconds (Linux /proc, 100 ticks a second). */
    long cpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        // the fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
    }

    /** Resident set size in MiB (Linux /proc). */
    long rssMiB() throws IOException {
        return statusMiB("VmRSS:");
    }

    /** The highest resident set size since the server started, in MiB (Linux /proc). */
    long peakRssMiB() throws IOException {
        return statusMiB("VmHWM:");
    }

    private long statusMiB(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no " + field + " for " + name);
    }

    private void run(String action, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server " + action + " " + name + " did not finish");
        }
    }
}
