package dev.jwtlib.session;

import dev.jwtlib.error.AuthServiceUnavailable;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Admits password-hashing requests (login) so that overload gives fast {@code 503}s instead of
 * every login slowing down without limit: the request thread is released at once
 * (JAX-RS async), at most {@link #CAPACITY} logins wait or run at a time — about what the cores
 * can hash in {@link #MAX_WAIT_MILLIS} — and a login that waited longer than that is answered
 * {@code 503} without being hashed.
 */
@ApplicationScoped
public class LoginAdmission {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final int CAPACITY = CORES * 8;
    static final long MAX_WAIT_MILLIS = 1_000;

    @Resource
    ManagedExecutorService executor;

    private final AtomicInteger admitted = new AtomicInteger();

    /**
     * Runs {@code work} on the hashing executor and resumes {@code response} with its result, or
     * with a {@code 503} (after {@code onBusy}) when too many logins wait.
     */
    public void submit(AsyncResponse response, Supplier<Object> work, Runnable onBusy) {
        if (admitted.incrementAndGet() > CAPACITY) {
            admitted.decrementAndGet();
            onBusy.run();
            response.resume(busy());
            return;
        }
        long queued = System.nanoTime();
        try {
            executor.execute(() -> {
                try {
                    if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - queued) > MAX_WAIT_MILLIS) {
                        onBusy.run();
                        response.resume(busy());
                    } else {
                        response.resume(work.get());
                    }
                } catch (Throwable e) {
                    response.resume(e);
                } finally {
                    admitted.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException | IllegalStateException e) {
            admitted.decrementAndGet();
            onBusy.run();
            response.resume(busy());
        }
    }

    private static AuthServiceUnavailable busy() {
        return new AuthServiceUnavailable("Too many logins at once; retry in a moment.", null);
    }
}
