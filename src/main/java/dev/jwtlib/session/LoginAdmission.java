package dev.jwtlib.session;

import dev.jwtlib.error.AuthServiceUnavailable;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import dev.jwtlib.password.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Admits password-hashing requests (login) so that overload gives fast {@code 503}s instead of
 * every login slowing down: the request thread is released at once (JAX-RS async), and at most
 * {@link #CAPACITY} logins run or wait at a time — one hashing per core, one more waiting per
 * core — so an admitted login takes at most about two hash times. One that still waited longer
 * than that (twice the typical hash time measured here, within 100 ms to 1 s) is answered
 * {@code 503} without being hashed. The cores stay busy as long as logins keep coming.
 */
@ApplicationScoped
public class LoginAdmission {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final int CAPACITY = CORES * 2;
    private static final long MIN_WAIT_MILLIS = 100;
    private static final long MAX_WAIT_MILLIS = 1_000;

    @Resource
    ManagedExecutorService executor;
    @Inject
    PasswordHasher hasher;

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
        long maxWait = Math.min(MAX_WAIT_MILLIS, Math.max(MIN_WAIT_MILLIS, 2 * hasher.typicalHashTime().toMillis()));
        try {
            executor.execute(() -> {
                try {
                    if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - queued) > maxWait) {
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
        // a slot frees within about one hash time: retrying a second later is sensible
        return new AuthServiceUnavailable("Too many logins at once; retry in a moment.", null, 1);
    }
}
