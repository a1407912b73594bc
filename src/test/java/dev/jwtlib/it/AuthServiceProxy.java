package dev.jwtlib.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The road between the resource-server WARs and the real auth service: a plain forwarding
 * HTTP server in the test JVM that a test can take down (connection refused), make answer
 * {@code 500}, or make hang, to see what the resource server does when its auth service fails.
 * It counts the calls that reach the auth service.
 */
final class AuthServiceProxy {

    enum Behaviour { FORWARD, FAIL, HANG }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final int port = freePort();
    private final String target;
    private final AtomicInteger jwksCalls = new AtomicInteger();
    private final AtomicInteger introspectionCalls = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.FORWARD;
    private volatile CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService executor;

    AuthServiceProxy(String target) {
        this.target = target;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() {
        try {
            executor = Executors.newCachedThreadPool();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Down: connections are refused. */
    synchronized void stop() {
        released.countDown();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    void behave(Behaviour next) {
        released.countDown();
        released = new CountDownLatch(1);
        behaviour = next;
    }

    int jwksCalls() {
        return jwksCalls.get();
    }

    int introspectionCalls() {
        return introspectionCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            (path.endsWith("/jwks.json") ? jwksCalls : introspectionCalls).incrementAndGet();
            switch (behaviour) {
                case FAIL -> respond(exchange, 500, "text/html", "<html>Internal Server Error</html>".getBytes());
                case HANG -> {
                    released.await(60, TimeUnit.SECONDS);
                    exchange.sendResponseHeaders(500, -1);
                }
                default -> forward(exchange, path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(HttpExchange exchange, String path) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path))
                .timeout(Duration.ofSeconds(20))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : new String[] {"Authorization", "Content-Type", "Accept"}) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        respond(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse("text/plain"),
                response.body());
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
