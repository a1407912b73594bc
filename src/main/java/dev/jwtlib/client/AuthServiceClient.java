package dev.jwtlib.client;

import dev.jwtlib.error.AuthServiceUnavailable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Calls to the auth service with the JDK's HTTP client: bounded in time (connect and whole-call
 * timeouts) and in size (answers over {@link #MAX_BODY} bytes are refused). Every way a call can
 * fail becomes {@link AuthServiceUnavailable}, never a hang and never an answer made up.
 */
final class AuthServiceClient {

    /** Larger answers are not read: a JWK Set or an introspection answer is a few KiB. */
    static final int MAX_BODY = 256 * 1024;

    private static final Logger LOG = Logger.getLogger(AuthServiceClient.class.getName());
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
    private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL.toNanos());

    private final HttpClient http;
    private final Duration timeout;

    /** The status and body of an answer. */
    record Answer(int status, String body) {
    }

    AuthServiceClient(Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
    }

    HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json");
    }

    /**
     * @throws AuthServiceUnavailable when the call fails, times out or the answer is too large
     */
    Answer send(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    throw unavailable(request.uri(), "its answer is larger than " + MAX_BODY + " bytes", null);
                }
                return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw unavailable(request.uri(), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(request.uri(), "interrupted", e);
        }
    }

    /**
     * The error for the caller, which names neither the auth service's address nor the cause;
     * those go to the log, at most once every {@link #LOG_INTERVAL} so an outage does not flood it.
     */
    static AuthServiceUnavailable unavailable(URI url, String why, Throwable cause) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_INTERVAL.toNanos() && lastLogged.compareAndSet(last, now)) {
            LOG.warning(() -> "jwtlib: the auth service at " + url + " cannot be used: " + why
                    + "; protected requests get 503 until it answers again");
        }
        return new AuthServiceUnavailable("The auth service cannot be reached; try again shortly.", cause);
    }
}
