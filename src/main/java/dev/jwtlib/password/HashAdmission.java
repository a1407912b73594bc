package dev.jwtlib.password;

import dev.jwtlib.error.AuthServiceUnavailable;
import dev.jwtlib.http.HttpSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one bulkhead for password hashing: every request that hashes (login, registration,
 * password change) runs its hashing here, so that overload gives
 * fast {@code 503}s instead of every request slowing down and the server's own threads never wait
 * for a core. The request thread is released at once (JAX-RS async); the work
 * runs on one of two hashing threads per core of its own, and nothing waits in a queue, so an
 * admitted request starts at once and takes at most about two hash times (two logins share a
 * core). Two per core, because a login also waits for the store (reads, and writes that must be
 * durable) while it holds its thread: with one thread per core the cores idled for that time, and
 * logins/s were 0.68-0.71 of the bare hashing rate; with two, 0.81 (bench P3, issue 18). The
 * excess is answered {@code 503} with {@code Retry-After: 1} at once; one that still waited longer than twice the typical hash time (within 100 ms to 1 s) is
 * answered {@code 503} without being hashed. One source (by its
 * {@linkplain dev.jwtlib.http.ClientAddresses#limitKey limit key}) may hold at most half of
 * those places at a time, so that a single client cannot take every hashing thread from
 * everyone else (off with {@code jwtlib.rate-limit.per-source=0}, as the rate limit).
 *
 * <p>The threads come from the platform's {@link ManagedThreadFactory}, so they run with the
 * application's context. They are not borrowed from the server's shared executor: a login that
 * waits for a core there holds a thread the server needs for other requests, and measured logins/s
 * fell to about 0.7 of the bare hashing rate.
 */
@ApplicationScoped
public class HashAdmission {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final long MIN_WAIT_MILLIS = 100;
    private static final long MAX_WAIT_MILLIS = 1_000;

    @Resource
    ManagedThreadFactory threads;
    @Inject
    PasswordHasher hasher;
    @Inject
    HttpSettings httpSettings;

    private ThreadPoolExecutor pool;
    private int capacity;
    private int perSource;
    private final Map<String, Integer> bySource = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final AtomicInteger admitted = new AtomicInteger();

    @PostConstruct
    void start() {
        start(threads, 2 * CORES, 0);  // see above: two per core, no queue
        if (httpSettings.perSourcePerMinute() == 0) {
            perSource = 0;
        }
    }

    /** A pool of {@code hashing} threads and {@code waiting} queued logins (package-private for tests). */
    void start(ThreadFactory factory, int hashing, int waiting) {
        capacity = hashing + waiting;
        perSource = Math.max(1, capacity / 2);
        // the queue never refuses what the count admitted: a login leaves the count before its
        // answer is sent, so the caller's next login may arrive before its thread is free again
        pool = new ThreadPoolExecutor(hashing, hashing, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity),
                factory, new ThreadPoolExecutor.AbortPolicy());
        // Started now, and running before the first login is timed: a thread started for a login
        // counted its own start-up as time waited (after a redeployment, RestartIT's first login
        // got a 503 that way). Each start-up task holds its thread until all have one.
        CountDownLatch running = new CountDownLatch(hashing);
        try {
            for (int i = 0; i < hashing; i++) {
                pool.execute(() -> {
                    running.countDown();
                    awaitQuietly(running);
                });
            }
        } catch (RuntimeException e) { // the factory refused a thread: no half-started pool left behind
            pool.shutdownNow();
            throw e;
        }
        awaitQuietly(running);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (pool != null) {
            // queued logins are answered 503 rather than left without an answer
            for (Runnable queued : pool.shutdownNow()) {
                try {
                    queued.run();
                } catch (RuntimeException e) {
                    // the client has gone with the application; nothing is left to answer
                }
            }
        }
    }

    /**
     * Runs {@code work} on a hashing thread and resumes {@code response} with its result, or
     * with a {@code 503} (after {@code onBusy}) when too many logins wait, or too many from
     * {@code source} (a {@linkplain dev.jwtlib.http.ClientAddresses#limitKey limit key}).
     */
    public void submit(AsyncResponse response, String source, Supplier<Object> work, Runnable onBusy) {
        if (!enter(source)) {
            onBusy.run();
            response.resume(busy());
            return;
        }
        submit(work, onBusy, answer -> {
            leave(source);
            if (answer instanceof Throwable failure) {
                response.resume(failure); // through the exception mappers
            } else {
                response.resume(answer);
            }
        });
    }

    /** {@link #submit(AsyncResponse, Supplier, Runnable)} with the answer handed to {@code resume}. */
    void submit(Supplier<Object> work, Runnable onBusy, Consumer<Object> resume) {
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            onBusy.run();
            resume.accept(busy());
            return;
        }
        long queued = System.nanoTime();
        long maxWait = maxWaitMillis(hasher.typicalHashTime());
        try {
            pool.execute(() -> {
                Object answer;
                try {
                    if (stopping || TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - queued) > maxWait) {
                        onBusy.run();
                        answer = busy();
                    } else {
                        answer = work.get();
                    }
                } catch (Throwable e) {
                    answer = e;
                }
                admitted.decrementAndGet();
                resume.accept(answer);
            });
        } catch (RejectedExecutionException e) { // shut down
            admitted.decrementAndGet();
            onBusy.run();
            resume.accept(busy());
        }
    }

    /** Counts one more check under way from {@code source}, unless it has its share already. */
    boolean enter(String source) {
        if (perSource == 0) {
            return true;
        }
        boolean[] entered = {false};
        bySource.compute(source, (key, n) -> {
            int now = n == null ? 0 : n;
            entered[0] = now < perSource;
            return entered[0] ? now + 1 : n;
        });
        return entered[0];
    }

    void leave(String source) {
        if (perSource != 0) {
            bySource.computeIfPresent(source, (key, n) -> n <= 1 ? null : n - 1);
        }
    }

    static long maxWaitMillis(Duration typicalHash) {
        return Math.min(MAX_WAIT_MILLIS, Math.max(MIN_WAIT_MILLIS, 2 * typicalHash.toMillis()));
    }

    private static AuthServiceUnavailable busy() {
        // a hashing thread frees within about one hash time: retrying a second later is sensible
        return new AuthServiceUnavailable("Too many password checks at once; retry in a moment.", null, 1);
    }

    /**
     * Runs {@code work} on a hashing thread and waits for it: for callers that cannot answer
     * asynchronously (the authentication mechanism). Not to be called from a hashing thread.
     *
     * @throws AuthServiceUnavailable when too many hashes wait already
     */
    @SuppressWarnings("unchecked")
    public <T> T call(Supplier<T> work) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        submit(work::get, () -> { }, answer::complete);
        Object result = answer.join();
        if (result instanceof RuntimeException e) {
            throw e;
        }
        if (result instanceof Error e) {
            throw e;
        }
        if (result instanceof Throwable e) {
            throw new IllegalStateException(e);
        }
        return (T) result;
    }
}
