package dev.jwtlib.bench;

import dev.jwtlib.bench.trivial.TrivialMechanism;
import dev.jwtlib.it.ResourceServerWars;
import dev.jwtlib.password.PasswordSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.jboss.shrinkwrap.api.asset.StringAsset;

/**
 * The HTTP benchmark (issue 5 and 6): starts Liberty servers of the build's runtime on loopback
 * with the service WAR and the resource-server WARs the tests deploy, then measures pairs of
 * scenarios back to back and prints their ratios. Run it with {@code bench/run.sh}; results go
 * to {@code bench/results/}. Not a test: figures move with the machine, ratios much less.
 */
public final class HttpBench {

    static final String ADMIN = "bench-admin";
    static final String ADMIN_PASSWORD = "bench admin passphrase, long enough";
    static final String PASSWORD = "bench user passphrase, long enough";
    static final String CLIENT_SECRET = "the bench introspector's secret, long enough";
    static final String CLIENT = "bench-introspector";
    /** Logins spread over this many accounts, as real logins are (one account's parallel checks are bounded). */
    static final int LOGIN_USERS = 40;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final Duration warmup;
    private final Duration duration;
    private final Path wlp = Path.of("target/liberty/wlp");
    private final Path results = Path.of("bench/results");
    private final List<Load.Result> measured = new CopyOnWriteArrayList<>();
    private final List<Ratio> ratios = new ArrayList<>();
    private final Map<String, String> facts = new java.util.LinkedHashMap<>();
    /** Server CPU per answer (µs) of the scenarios that measured it. */
    private final Map<Load.Result, Double> cpuMicros = new java.util.IdentityHashMap<>();

    /** A pair measured back to back: ours over the baseline, and the target it must meet. */
    record Ratio(String id, String what, Load.Result ours, Load.Result baseline, double value, String target,
                 boolean met) {
    }

    private HttpBench(Duration warmup, Duration duration) {
        this.warmup = warmup;
        this.duration = duration;
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 3));
        new HttpBench(warmup, duration).runAll(Boolean.parseBoolean(System.getProperty("bench.keycloak", "true")));
    }

    private void runAll(boolean withKeycloak) throws Exception {
        BenchServer service = new BenchServer(wlp, "jwtlib-bench", 19180);
        BenchServer resources = new BenchServer(wlp, "jwtlib-bench-rs", 19181);
        BenchServer mpJwt = new BenchServer(wlp, "jwtlib-bench-mpjwt", 19183);
        String authUrl = service.url();
        String rsUrl = resources.url();
        // the auth service runs with the JVM settings the project ships in liberty/jvm.options and
        // a 256 MiB heap ceiling; the servers of the protected applications (jwtlib's resource-server
        // WARs, and the MP-JWT peer alike) with the same, except that they keep the JIT's two tiers,
        // as the README advises for an application server (C2 alone saves the auth service memory,
        // but measured P1 0.71-0.74 on a resource server against 0.77-0.82 with tiers)
        List<String> shipped = new ArrayList<>(Files.readAllLines(Path.of("liberty/jvm.options")));
        shipped.add("-Xmx256m");
        List<String> appOptions = shipped.stream().filter(o -> !o.strip().equals("-XX:-TieredCompilation")).toList();
        if (appOptions.size() == shipped.size()) {
            System.out.println("note: liberty/jvm.options has no -XX:-TieredCompilation; every server runs with the same options");
        }
        List<String> serviceOptions = new ArrayList<>(shipped);
        serviceOptions.addAll(List.of(
                "-Djwtlib.bootstrap.admin.username=" + ADMIN, "-Djwtlib.bootstrap.admin.password=" + ADMIN_PASSWORD,
                // the load generator is one source address making thousands of calls a second: the
                // per-source limit would measure itself; Keycloak, compared with, has none by default
                "-Djwtlib.rate-limit.per-source=0",
                // the tokens' iss must be the URL the applications know the service by (the default is localhost)
                "-Djwtlib.issuer=" + authUrl));
        if (Boolean.getBoolean("bench.jfr")) {
            // a CPU profile of the service server for the whole run, to read with `jfr print`
            serviceOptions.add("-XX:StartFlightRecording=filename=" + Path.of("target/bench-service.jfr").toAbsolutePath()
                    + ",settings=profile");
        }
        // more options for the service server only, for profiling (e.g. BENCH_SERVICE_JVM="-Xlog:gc:file=...")
        String extra = System.getProperty("bench.service.jvm", "");
        if (!extra.isBlank()) {
            serviceOptions.addAll(List.of(extra.trim().split("\\s+")));
        }
        String serverXml = Files.readString(Path.of("liberty/server.xml"));
        service.create(serverXml, serviceOptions, List.of(Path.of("target/jwtlib.war")), List.of());
        System.out.println("starting Liberty servers: the service on " + authUrl + ", resource servers (jwtlib jwks and"
                + " introspect modes, the trivial mechanism) on " + rsUrl + ", Liberty's own MP-JWT on " + mpJwt.url());
        service.start("/health/ready");
        try {
            // the user and its token first: the trivial mechanism's WAR is configured with that token
            Setup setup = new Setup(authUrl);
            List<String> rsOptions = new ArrayList<>(appOptions);
            if (Boolean.getBoolean("bench.jfr")) {
                // a CPU profile of the resource server (P1, P1c): target/bench-rs.jfr
                rsOptions.add("-XX:StartFlightRecording=filename=" + Path.of("target/bench-rs.jfr").toAbsolutePath()
                        + ",settings=profile");
            }
            resources.create(serverXml, rsOptions, List.of(),
                    List.of(ResourceServerWars.war("rs-jwks", Map.of("jwtlib.mode", "jwks", "jwtlib.auth-service.url", authUrl)),
                            ResourceServerWars.war("rs-introspect", introspectConfig(authUrl, "PT5S")),
                            ResourceServerWars.war("rs-introspect-nocache", introspectConfig(authUrl, "PT0.001S")),
                            ResourceServerWars.protectedReports("rs-trivial").addClass(TrivialMechanism.class)
                                    // Liberty's server.xml turns implicit bean archives off
                                    .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                                            + "version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml")
                                    .addAsResource(new StringAsset("bench.trivial.token=" + setup.userToken + "\n"),
                                            "META-INF/microprofile-config.properties")));
            mpJwt.create(mpJwtServerXml(mpJwt.port), appOptions, List.of(), List.of(ResourceServerWars.mpJwtWar("mpjwt", authUrl)));
            resources.start("/rs-jwks/api/public");
            mpJwt.start("/mpjwt/api/public");
            warmUp(authUrl, rsUrl, mpJwt.url(), setup);
            if (selected("modes")) {
                resourceServerModes(rsUrl, setup);
            }
            if (selected("p1p2")) {
                p1AndP2(resources, mpJwt, setup);
                p1c(resources, setup);
            }
            if (selected("p3")) {
                p3(authUrl, setup);
            }
            // the memory figure: after the load (the target), and the peak while it ran
            facts.put("Auth service (Liberty, liberty/jvm.options, -Xmx256m) RSS after the load", service.rssMiB() + " MiB");
            facts.put("Auth service peak RSS from start-up to the end of P3", service.peakRssMiB() + " MiB");
            facts.put("Resource-server Liberty (3 WARs, same settings with tiered JIT) RSS", resources.rssMiB() + " MiB");
            Files.writeString(Path.of("target/bench-memory.txt"), jcmd(service.pid(), "GC.heap_info")
                    + jcmd(service.pid(), "Compiler.codecache"));
            // what the heap holds after a full collection (this forces one), for the memory figure
            Files.writeString(Path.of("target/bench-histogram.txt"),
                    jcmd(service.pid(), "GC.class_histogram").lines().limit(45).collect(Collectors.joining("\n")));
            if (selected("p4")) {
                p4(authUrl, setup, withKeycloak);
            }
        } finally {
            mpJwt.stop();
            resources.stop();
            service.stop();
        }
        report();
    }

    /**
     * Every measured path once under load before anything is measured, so that the first pair
     * does not compare a cold path with a warm one.
     */
    private void warmUp(String authUrl, String rsUrl, String mpJwtUrl, Setup setup) throws Exception {
        Duration each = Duration.ofSeconds(5);
        for (String url : List.of(rsUrl + "/rs-jwks/api/public", rsUrl + "/rs-jwks/api/reports", rsUrl + "/rs-trivial/api/reports",
                rsUrl + "/rs-introspect/api/reports", mpJwtUrl + "/mpjwt/api/reports")) {
            Load.run("warm-up " + url, 8, Duration.ZERO, each, (t, s) -> get(url, setup.userToken), Load.status(200));
        }
        Load.run("warm-up introspection", 8, Duration.ZERO, each, (t, s) -> introspect(authUrl, setup.userToken),
                Load.status(200));
        RefreshChains chains = new RefreshChains(8, setup::login, r -> json(r).getString("refresh_token"));
        Load.run("warm-up refresh", 8, Duration.ZERO, each, (t, s) -> post(authUrl + "/api/auth/refresh",
                "application/json", "{\"refresh_token\":\"" + chains.current(t) + "\"}", null), chains);
        // logins too, and longer: at about 15 a second, 5 s leave the JIT compiling the login path
        // through P3 (measured: the compiler threads took a quarter of a core, and logins/s fell by a fifth)
        Load.run("warm-up logins", 4, Duration.ZERO, Duration.ofSeconds(20), (t, s) -> login(authUrl, setup.loginName(s)),
                Load.status(200));
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    /** {@code -Dbench.only=modes,p1p2,p3,p4} runs some groups only (for profiling); default all. */
    private static boolean selected(String group) {
        String only = System.getProperty("bench.only", "");
        return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(group);
    }

    private static Map<String, String> introspectConfig(String authUrl, String ttl) {
        return Map.of("jwtlib.mode", "introspect", "jwtlib.auth-service.url", authUrl,
                "jwtlib.introspection.client-id", CLIENT, "jwtlib.introspection.client-secret", CLIENT_SECRET,
                "jwtlib.introspection.cache-ttl", ttl);
    }

    private static String mpJwtServerXml(int port) {
        return """
                <server description="Open Liberty's own MP-JWT protecting the same resources (benchmark peer)">
                    <featureManager>
                        <feature>restfulWS-3.1</feature>
                        <feature>mpJwt-2.1</feature>
                        <feature>mpConfig-3.1</feature>
                    </featureManager>
                    <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%d" httpsPort="-1"/>
                    <webAppSecurity singleSignonEnabled="false"/>
                </server>
                """.formatted(port);
    }

    // --- scenarios ----------------------------------------------------------------------------

    /** Issue 5: the cost of a protected request in each resource-server mode, cache hit and miss. */
    private void resourceServerModes(String rsUrl, Setup setup) throws Exception {
        System.out.println("\n# resource-server modes (c=8)");
        List<String> fresh = setup.freshTokens(6_000);
        AtomicLong next = new AtomicLong();
        measured.add(Load.run("jwks, cache hit", 8, warmup, duration,
                (t, s) -> get(rsUrl + "/rs-jwks/api/reports", setup.userToken), Load.status(200)));
        measured.add(Load.run("jwks, cache miss (new token each time)", 8, Duration.ZERO, duration, (t, s) -> {
            long i = next.getAndIncrement();
            return i < fresh.size() ? get(rsUrl + "/rs-jwks/api/reports", fresh.get((int) i)) : null;
        }, Load.status(200)));
        measured.add(Load.run("introspect, cache hit", 8, warmup, duration,
                (t, s) -> get(rsUrl + "/rs-introspect/api/reports", setup.userToken), Load.status(200)));
        measured.add(Load.run("introspect, cache miss (call each time)", 8, warmup, duration,
                (t, s) -> get(rsUrl + "/rs-introspect-nocache/api/reports", setup.userToken), Load.status(200)));
    }

    private void p1AndP2(BenchServer resources, BenchServer mpJwt, Setup setup) throws Exception {
        System.out.println("\n# P1: protected vs unprotected; P2: ours vs Liberty mpJwt-2.1 (c=8)");
        String rsUrl = resources.url();
        Load.Result open = measureCpu(resources, "P1 unprotected /api/public", rsUrl + "/rs-jwks/api/public", null);
        Load.Result ours = measureCpu(resources, "P1 @RolesAllowed, bearer (jwtlib jwks)", rsUrl + "/rs-jwks/api/reports",
                setup.userToken);
        ratio("P1", "protected / unprotected throughput", ours, open, ">= 0.90", 0.90);
        Load.Result theirs = measureCpu(mpJwt, "P2 @RolesAllowed, bearer (Liberty mpJwt)", mpJwt.url() + "/mpjwt/api/reports",
                setup.userToken);
        Load.Result oursAgain = measureCpu(resources, "P2 @RolesAllowed, bearer (jwtlib jwks)", rsUrl + "/rs-jwks/api/reports",
                setup.userToken);
        ratio("P2", "jwtlib / Liberty mpJwt throughput", oursAgain, theirs, ">= 1.0", 1.0);
        measured.addAll(List.of(open, ours, theirs, oursAgain));
    }

    /**
     * P1c, the ceiling: jwtlib's {@code jwks} mode against the cheapest possible mechanism
     * ({@link TrivialMechanism}) on the same server, alternated over four rounds, each protected
     * run between two unprotected ones so that a drift of the shared machine shows in the
     * brackets. Reports throughput and the server's CPU per request.
     */
    private void p1c(BenchServer resources, Setup setup) throws Exception {
        System.out.println("\n# P1c: jwtlib vs the trivial mechanism (cache key offered), alternated and bracketed (c=8)");
        String rsUrl = resources.url();
        int rounds = 4;
        double ratioSum = 0;
        double jwtlibCpu = 0;
        double trivialCpu = 0;
        double openCpu = 0;
        List<Load.Result> jwtlibRuns = new ArrayList<>();
        List<Load.Result> trivialRuns = new ArrayList<>();
        Load.Result before = measureCpu(resources, "P1c unprotected", rsUrl + "/rs-jwks/api/public", null);
        openCpu += cpuMicros.get(before);
        for (int round = 0; round < rounds; round++) {
            double[] relative = new double[2];
            for (int turn = 0; turn < 2; turn++) {
                // the order alternates between rounds
                boolean jwtlib = (turn == 0) == (round % 2 == 0);
                Load.Result run = jwtlib
                        ? measureCpu(resources, "P1c jwtlib (jwks)", rsUrl + "/rs-jwks/api/reports", setup.userToken)
                        : measureCpu(resources, "P1c trivial mechanism", rsUrl + "/rs-trivial/api/reports", setup.userToken);
                Load.Result after = measureCpu(resources, "P1c unprotected", rsUrl + "/rs-jwks/api/public", null);
                openCpu += cpuMicros.get(after);
                relative[jwtlib ? 0 : 1] = run.throughput() / ((before.throughput() + after.throughput()) / 2);
                (jwtlib ? jwtlibRuns : trivialRuns).add(run);
                if (jwtlib) {
                    jwtlibCpu += cpuMicros.get(run);
                } else {
                    trivialCpu += cpuMicros.get(run);
                }
                before = after;
            }
            ratioSum += relative[0] / relative[1];
        }
        double value = ratioSum / rounds;
        Load.Result ours = merged("P1c jwtlib (jwks), " + rounds + " runs", jwtlibRuns);
        Load.Result trivial = merged("P1c trivial mechanism, " + rounds + " runs", trivialRuns);
        ratios.add(new Ratio("P1c", "jwtlib / trivial mechanism, each relative to its unprotected brackets",
                ours, trivial, value, ">= 0.97", value >= 0.97));
        cpuMicros.put(ours, jwtlibCpu / rounds);
        cpuMicros.put(trivial, trivialCpu / rounds);
        measured.addAll(List.of(ours, trivial));
        facts.put("P1c server CPU per request (resource server, µs): jwtlib, trivial mechanism, unprotected",
                String.format("%.1f, %.1f, %.1f (jwtlib costs %.1f µs more than the trivial mechanism)",
                        jwtlibCpu / rounds, trivialCpu / rounds, openCpu / (2 * rounds + 1), (jwtlibCpu - trivialCpu) / rounds));
        System.out.printf("P1c = %.3f; CPU per request: jwtlib %.1f µs, trivial %.1f µs%n", value, jwtlibCpu / rounds,
                trivialCpu / rounds);
    }

    /** Several runs of one scenario as one result (throughput over their whole time, the worst p99). */
    private static Load.Result merged(String name, List<Load.Result> runs) {
        long ok = runs.stream().mapToLong(Load.Result::ok).sum();
        long other = runs.stream().mapToLong(Load.Result::other).sum();
        double seconds = runs.stream().mapToDouble(Load.Result::seconds).sum();
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        runs.forEach(r -> r.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum)));
        return new Load.Result(name, runs.get(0).concurrency(), ok, other, seconds,
                runs.stream().mapToDouble(Load.Result::p50Millis).average().orElse(0),
                runs.stream().mapToDouble(Load.Result::p99Millis).max().orElse(0),
                runs.stream().mapToDouble(Load.Result::otherP99Millis).max().orElse(0), statuses);
    }

    /**
     * One scenario of GETs at c=8 after its warm-up, with the CPU time the server process spent
     * during the measured part (user + system, from /proc) divided by the answers it gave.
     */
    private Load.Result measureCpu(BenchServer server, String name, String url, String bearer) throws Exception {
        Load.run("warm-up " + name, 8, Duration.ZERO, warmup, (t, s) -> get(url, bearer), Load.status(200));
        long cpuBefore = server.cpuNanos();
        Load.Result result = Load.run(name, 8, Duration.ZERO, duration, (t, s) -> get(url, bearer), Load.status(200));
        long cpu = server.cpuNanos() - cpuBefore;
        cpuMicros.put(result, cpu / 1000.0 / Math.max(1, result.ok() + result.other()));
        System.out.printf("   server CPU %.1f µs per request%n", cpuMicros.get(result));
        return result;
    }

    private void p3(String authUrl, Setup setup) throws Exception {
        System.out.println("\n# P3: logins vs the raw PBKDF2 rate (600,000 iterations)");
        int cores = Runtime.getRuntime().availableProcessors();
        Load.Result raw = rawPbkdf2(cores, duration);
        Load.Result logins = Load.run("P3 logins", cores * 2, warmup, duration,
                (t, s) -> login(authUrl, setup.loginName(s)), Load.status(200));
        ratio("P3", "logins/s / raw PBKDF2 hashes/s", logins, raw, ">= 0.9", 0.9);
        Load.Result unloaded = Load.run("P3 login, unloaded", 1, Duration.ZERO, duration,
                (t, s) -> login(authUrl, setup.loginName(s)), Load.status(200));
        double offered = 2 * raw.throughput();
        Load.Result loaded = Load.atRate("P3 logins at 2x capacity", offered, duration,
                (t, s) -> login(authUrl, setup.loginName(s)), Load.status(200));
        double p99Ratio = loaded.p99Millis() / unloaded.p99Millis();
        ratios.add(new Ratio("P3b", String.format("p99 of accepted logins at %.0f/s offered (2x) / unloaded p99", offered),
                loaded, unloaded, p99Ratio, "<= 3", p99Ratio <= 3));
        measured.addAll(List.of(raw, logins, unloaded, loaded));
    }

    /** The PBKDF2 check a login does, in this JVM, one thread per core: the ceiling for logins/s. */
    private static Load.Result rawPbkdf2(int threads, Duration duration) throws Exception {
        Pbkdf2PasswordHashImpl hash = new Pbkdf2PasswordHashImpl();
        // the service's defaults: PBKDF2WithHmacSHA256, 600,000 iterations, 32-byte salt and key
        hash.initialize(PasswordSettings.from(new io.smallrye.config.SmallRyeConfigBuilder().build()).hashParameters());
        String stored = hash.generate(PASSWORD.toCharArray());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long deadline = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            counts.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < deadline) {
                    hash.verify(PASSWORD.toCharArray(), stored);
                    n++;
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        double each = seconds * 1000 * threads / total;
        Load.Result result = new Load.Result("raw PBKDF2 verify, " + threads + " threads", threads, total, 0, seconds,
                each, each, Double.NaN, Map.of());
        System.out.println(result.line());
        return result;
    }

    private void p4(String authUrl, Setup setup, boolean withKeycloak) throws Exception {
        if (!withKeycloak) {
            // jwtlib's side only (for profiling)
            if (!Boolean.getBoolean("bench.refreshOnly")) {
                Load.run("P4 introspection (jwtlib)", 8, warmup, duration, (t, s) -> introspect(authUrl, setup.userToken),
                        Load.status(200));
            }
            RefreshChains chains = new RefreshChains(8, setup::login, r -> json(r).getString("refresh_token"));
            Load.run("P4 refresh (jwtlib)", 8, Duration.ZERO, duration, (t, s) -> post(authUrl + "/api/auth/refresh",
                    "application/json", "{\"refresh_token\":\"" + chains.current(t) + "\"}", null), chains);
            return;
        }
        KeycloakPeer keycloak = KeycloakPeer.start(PASSWORD, LOGIN_USERS);
        try {
            for (int c : new int[] {8, 32}) {
                System.out.println("\n# P4 at c=" + c + ": jwtlib vs Keycloak 26");
                Load.Result ours = Load.run("P4 introspection (jwtlib)", c, warmup, duration,
                        (t, s) -> introspect(authUrl, setup.userToken), Load.status(200));
                Load.Result theirs = Load.run("P4 introspection (Keycloak)", c, warmup, duration,
                        (t, s) -> keycloak.introspect(keycloak.accessToken), Load.status(200));
                ratio("P4i" + c, "introspections/s at c=" + c + ", jwtlib / Keycloak", ours, theirs, ">= 2", 2);
                RefreshChains ourChains = new RefreshChains(c, setup::login, r -> json(r).getString("refresh_token"));
                Load.Result ourRefresh = Load.run("P4 refresh (jwtlib)", c, Duration.ZERO, duration,
                        (t, s) -> post(authUrl + "/api/auth/refresh", "application/json",
                                "{\"refresh_token\":\"" + ourChains.current(t) + "\"}", null),
                        ourChains);
                RefreshChains theirChains = new RefreshChains(c, t -> keycloak.loginRefreshToken(),
                        r -> json(r).getString("refresh_token"));
                Load.Result theirRefresh = Load.run("P4 refresh (Keycloak)", c, Duration.ZERO, duration,
                        (t, s) -> keycloak.refresh(theirChains.current(t)), theirChains);
                ratio("P4r" + c, "refreshes/s at c=" + c + ", jwtlib / Keycloak", ourRefresh, theirRefresh, ">= 1.5", 1.5);
                Load.Result ourLogins = Load.run("P4 logins (jwtlib)", c, Duration.ZERO, duration,
                        (t, s) -> login(authUrl, setup.loginName(s)), Load.status(200));
                Load.Result theirLogins = Load.run("P4 logins (Keycloak)", c, Duration.ZERO, duration,
                        (t, s) -> keycloak.passwordGrant((int) (s % LOGIN_USERS)), Load.status(200));
                ratio("P4l" + c, "logins/s at c=" + c + " (PBKDF2-SHA256 600k both), jwtlib / Keycloak", ourLogins,
                        theirLogins, ">= 2", 2);
                measured.addAll(List.of(ours, theirs, ourRefresh, theirRefresh, ourLogins, theirLogins));
            }
        } finally {
            keycloak.stop();
        }
    }

    private void ratio(String id, String what, Load.Result ours, Load.Result baseline, String target, double min) {
        double value = ours.throughput() / baseline.throughput();
        Ratio ratio = new Ratio(id, what, ours, baseline, value, target, value >= min);
        ratios.add(ratio);
        System.out.printf("%s %s = %.2f (target %s)%n", id, what, value, target);
    }

    // --- report -------------------------------------------------------------------------------

    private void report() throws IOException {
        Files.createDirectories(results);
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(", ")
                .append(duration.toSeconds()).append(" s per scenario after ").append(warmup.toSeconds())
                .append(" s warm-up, loopback.\n\n");
        md.append("| pair | what | jwtlib | baseline | ratio | target | met |\n|---|---|---|---|---|---|---|\n");
        for (Ratio r : ratios) {
            boolean latency = r.id().equals("P3b");
            md.append(String.format("| %s | %s | %s | %s | %.2f | %s | %s |%n", r.id(), r.what(),
                    latency ? String.format("p99 %.0f ms", r.ours().p99Millis()) : String.format("%.0f/s, p99 %.1f ms", r.ours().throughput(), r.ours().p99Millis()),
                    latency ? String.format("p99 %.0f ms", r.baseline().p99Millis()) : String.format("%.0f/s, p99 %.1f ms", r.baseline().throughput(), r.baseline().p99Millis()),
                    r.value(), r.target(), r.met() ? "yes" : "**no**"));
        }
        md.append("\n| scenario | connections | ok/s | p50 ms | p99 ms | server CPU µs/request | statuses |\n|---|---|---|---|---|---|---|\n");
        for (Load.Result r : measured) {
            Double cpu = cpuMicros.get(r);
            md.append(String.format("| %s | %d | %.1f | %.2f | %.2f | %s | %s |%n", r.name(), r.concurrency(), r.throughput(),
                    r.p50Millis(), r.p99Millis(), cpu == null ? "" : String.format("%.1f", cpu), r.statuses()));
        }
        facts.forEach((k, v) -> md.append("\n").append(k).append(": ").append(v).append("\n"));
        Files.writeString(results.resolve("latest.md"), md);
        Files.writeString(results.resolve("chart.svg"), Chart.svg(ratios));
        System.out.println("\n" + md);
        System.out.println("written: " + results.resolve("latest.md") + ", " + results.resolve("chart.svg"));
    }

    // --- HTTP helpers -------------------------------------------------------------------------

    static HttpRequest get(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.build();
    }

    static HttpRequest post(String url, String type, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    static HttpRequest login(String authUrl, String username) {
        return post(authUrl + "/api/auth/login", "application/json",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", null);
    }

    static HttpRequest introspect(String authUrl, String token) {
        return post(authUrl + "/api/auth/introspect", "application/x-www-form-urlencoded", form("token", token),
                basic(CLIENT, CLIENT_SECRET));
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> expect(int status, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request);
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** Each load thread's own chain of single-use refresh tokens. */
    static final class RefreshChains implements Load.Outcome {
        private final Map<Integer, String> current = new ConcurrentHashMap<>();
        private final java.util.function.Function<HttpResponse<String>, String> next;

        interface Start {
            String refreshToken(int thread) throws Exception;
        }

        RefreshChains(int threads, Start start, java.util.function.Function<HttpResponse<String>, String> next)
                throws Exception {
            this.next = next;
            for (int t = 0; t < threads; t++) {
                current.put(t, start.refreshToken(t));
            }
        }

        String current(int thread) {
            return current.get(thread);
        }

        @Override
        public boolean ok(int thread, HttpResponse<String> response) {
            if (response.statusCode() != 200) {
                return false;
            }
            current.put(thread, next.apply(response));
            return true;
        }
    }

    /** The accounts and tokens the scenarios use. */
    static final class Setup {
        final String authUrl;
        final String username = "bench-user";
        final String userToken;

        Setup(String authUrl) throws Exception {
            this.authUrl = authUrl;
            register(username);
            for (int i = 0; i < LOGIN_USERS; i++) {
                register(loginName(i));
            }
            String admin = json(expect(200, post(authUrl + "/api/auth/login", "application/json",
                    "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null)))
                    .getString("access_token");
            // the introspecting client, with a secret the resource servers are configured with
            expect(201, post(authUrl + "/api/admin/clients", "application/json", "{\"client_id\":\"" + CLIENT
                    + "\",\"client_secret\":\"" + CLIENT_SECRET + "\"}", "Bearer " + admin));
            userToken = json(expect(200, HttpBench.login(authUrl, username))).getString("access_token");
        }

        String loginName(long sequence) {
            return "bench-login-" + (sequence % LOGIN_USERS);
        }

        private void register(String name) throws Exception {
            expect(201, post(authUrl + "/api/auth/register", "application/json", "{\"username\":\"" + name
                    + "\",\"email\":\"" + name + "@example.com\",\"password\":\"" + PASSWORD + "\"}", null));
        }

        /**
         * The refresh token of a new login of login account {@code i}; a login refused for load
         * ({@code 503}, {@code 429}) is retried, as a client would.
         */
        String login(int i) throws Exception {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = send(HttpBench.login(authUrl, loginName(i)));
                if (response.statusCode() == 200) {
                    return json(response).getString("refresh_token");
                }
                if ((response.statusCode() != 503 && response.statusCode() != 429) || attempt > 100) {
                    throw new IllegalStateException("login answered " + response.statusCode() + ": " + response.body());
                }
                Thread.sleep(100);
            }
        }

        /** {@code n} distinct valid access tokens, made by refreshing 8 logins in turn. */
        List<String> freshTokens(int n) throws Exception {
            List<String> tokens = new CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> chains = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int chain = c;
                chains.add(pool.submit(() -> {
                    String refresh = login(chain);
                    while (tokens.size() < n) {
                        JsonObject answer = json(expect(200, post(authUrl + "/api/auth/refresh", "application/json",
                                "{\"refresh_token\":\"" + refresh + "\"}", null)));
                        refresh = answer.getString("refresh_token");
                        tokens.add(answer.getString("access_token"));
                    }
                    return null;
                }));
            }
            for (Future<?> chain : chains) {
                chain.get();
            }
            pool.shutdown();
            return new ArrayList<>(tokens.subList(0, n));
        }
    }
}
