package dev.jwtlib.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator on the JDK's client: {@code concurrency} threads, each
 * sending its next request when the previous one is answered (after the {@code Retry-After} of
 * a {@code 503} or {@code 429}, as a well-behaved client does), for a fixed time or until the
 * requests run out; and an open-loop one ({@link #atRate}). Throughput and latency percentiles are of the successful answers (as the
 * scenario defines them); the other answers are counted by status with their own p99.
 */
final class Load {

    /** What one scenario measured. */
    record Result(String name, int concurrency, long ok, long other, double seconds, double p50Millis,
                  double p99Millis, double otherP99Millis, Map<Integer, Long> statuses) {

        double throughput() {
            return ok / seconds;
        }

        String line() {
            return String.format("%-40s c=%-3d %9.1f ok/s  p50 %8.2f ms  p99 %8.2f ms  statuses %s%s",
                    name, concurrency, throughput(), p50Millis, p99Millis, statuses,
                    other > 0 ? String.format(" (non-ok p99 %.2f ms)", otherP99Millis) : "");
        }
    }

    /** The request thread {@code thread} sends as number {@code sequence} of the run; {@code null} when done. */
    interface Requests {
        HttpRequest next(int thread, long sequence);
    }

    /** Whether an answer is successful; may also learn from it (chained requests). */
    interface Outcome {
        boolean ok(int thread, HttpResponse<String> response);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final int MAX_SAMPLES = 1 << 20;

    private Load() {
    }

    /** Every answer with status {@code expected} is successful. */
    static Outcome status(int expected) {
        return (thread, response) -> response.statusCode() == expected;
    }

    static Result run(String name, int concurrency, Duration warmup, Duration duration, Requests requests,
                      Outcome outcome) throws InterruptedException {
        if (!warmup.isZero()) {
            measure(name, concurrency, warmup, requests, outcome);
        }
        Result result = measure(name, concurrency, duration, requests, outcome);
        System.out.println(result.line());
        return result;
    }

    private static final class Samples {
        final long[] ok = new long[MAX_SAMPLES];
        final long[] other = new long[MAX_SAMPLES];
        int okCount;
        int otherCount;
        final Map<Integer, Long> statuses = new TreeMap<>();
    }

    private static Result measure(String name, int concurrency, Duration duration, Requests requests,
                                  Outcome outcome) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            Samples mine = new Samples();
            samples.add(mine);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    HttpRequest request = requests.next(thread, sequence.getAndIncrement());
                    if (request == null) {
                        return;
                    }
                    long sent = System.nanoTime();
                    int status;
                    boolean success;
                    long retryAfter = 0;
                    try {
                        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        success = outcome.ok(thread, response);
                        retryAfter = response.headers().firstValue("Retry-After").map(Load::seconds).orElse(0L);
                    } catch (IOException e) {
                        status = -1;
                        success = false;
                    } catch (InterruptedException e) {
                        return;
                    }
                    long took = System.nanoTime() - sent;
                    if (!success && (status == 503 || status == 429)) {
                        // a polite client waits as long as Retry-After says (at most 5 s) before its next request
                        pause(retryAfter);
                    }
                    if (success && mine.okCount < MAX_SAMPLES) {
                        mine.ok[mine.okCount++] = took;
                    } else if (!success && mine.otherCount < MAX_SAMPLES) {
                        mine.other[mine.otherCount++] = took;
                    }
                    mine.statuses.merge(status, 1L, Long::sum);
                }
            }, "load-" + t);
            worker.start();
            threads.add(worker);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Long> statuses = new TreeMap<>();
        samples.forEach(s -> s.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum)));
        long[] ok = merge(samples, true);
        long[] other = merge(samples, false);
        return new Result(name, concurrency, ok.length, other.length, seconds,
                percentile(ok, 0.50), percentile(ok, 0.99), percentile(other, 0.99), statuses);
    }

    private static long seconds(String header) {
        try {
            return Math.min(5, Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An open loop: requests start at a fixed rate whatever the answers, each on a pool thread;
     * latency counts from the planned start, so queueing in the generator is not hidden.
     */
    static Result atRate(String name, double perSecond, Duration duration, Requests requests, Outcome outcome)
            throws InterruptedException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(128);
        Samples samples = new Samples();
        long start = System.nanoTime();
        long interval = (long) (1e9 / perSecond);
        long planned = start;
        long n = 0;
        while (planned < start + duration.toNanos()) {
            long wait = planned - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            long plannedAt = planned;
            long sequence = n++;
            pool.execute(() -> {
                HttpRequest request = requests.next(0, sequence);
                int status;
                boolean success;
                try {
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    success = outcome.ok(0, response);
                } catch (IOException | InterruptedException e) {
                    status = -1;
                    success = false;
                }
                long took = System.nanoTime() - plannedAt;
                synchronized (samples) {
                    if (success && samples.okCount < MAX_SAMPLES) {
                        samples.ok[samples.okCount++] = took;
                    } else if (!success && samples.otherCount < MAX_SAMPLES) {
                        samples.other[samples.otherCount++] = took;
                    }
                    samples.statuses.merge(status, 1L, Long::sum);
                }
            });
            planned += interval;
        }
        pool.shutdown();
        pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] ok = merge(List.of(samples), true);
        long[] other = merge(List.of(samples), false);
        Result result = new Result(name + String.format(" (open loop, %.0f/s offered)", perSecond), 0, ok.length,
                other.length, seconds, percentile(ok, 0.50), percentile(ok, 0.99), percentile(other, 0.99),
                new TreeMap<>(samples.statuses));
        System.out.println(result.line());
        return result;
    }

    private static long[] merge(List<Samples> samples, boolean ok) {
        long[] all = new long[samples.stream().mapToInt(s -> ok ? s.okCount : s.otherCount).sum()];
        int i = 0;
        for (Samples s : samples) {
            int n = ok ? s.okCount : s.otherCount;
            System.arraycopy(ok ? s.ok : s.other, 0, all, i, n);
            i += n;
        }
        Arrays.sort(all);
        return all;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))] / 1e6;
    }
}
