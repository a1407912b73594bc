package dev.jwtlib.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.error.AuthServiceUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashAdmissionTest {

    private final HashAdmission admission = new HashAdmission();
    private final List<Object> answers = new CopyOnWriteArrayList<>();
    private final AtomicInteger busyEvents = new AtomicInteger();

    @AfterEach
    void stop() {
        admission.stop();
    }

    @Test
    void enterWhenOneSourceHoldsHalfThePlacesThenItGetsNoMoreAndOthersStillDo() {
        admission.hasher = hashTakes(Duration.ofMillis(100));
        admission.start(Executors.defaultThreadFactory(), 2, 2);
        assertTrue(admission.enter("198.51.100.1"));
        assertTrue(admission.enter("198.51.100.1"));
        assertFalse(admission.enter("198.51.100.1"), "two of four places are that source's share");
        assertTrue(admission.enter("203.0.113.9"), "another source is not kept out");
        admission.leave("198.51.100.1");
        assertTrue(admission.enter("198.51.100.1"), "a finished check frees its place");
    }

    @Test
    void submitWhenHashingThreadsAndQueueFullThenExcessAnsweredBusyAtOnceAndAdmittedOnesFinish() throws Exception {
        admission.hasher = hashTakes(Duration.ofSeconds(5)); // queued logins may wait up to 1 s
        admission.start(Executors.defaultThreadFactory(), 2, 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(2);
        for (int i = 0; i < 4; i++) {
            admission.submit(() -> {
                running.countDown();
                await(release);
                return "ok";
            }, busyEvents::incrementAndGet, answers::add);
        }
        assertTrue(running.await(5, TimeUnit.SECONDS), "two logins hash at once");

        admission.submit(() -> "never run", busyEvents::incrementAndGet, answers::add);

        assertEquals(1, answers.size(), "the fifth is answered before any admitted one finishes");
        AuthServiceUnavailable busy = assertInstanceOf(AuthServiceUnavailable.class, answers.get(0));
        assertEquals(1, busy.retryAfterSeconds());
        assertEquals(1, busyEvents.get());
        release.countDown();
        waitForAnswers(5);
        assertEquals(List.of("ok", "ok", "ok", "ok"), answers.subList(1, 5));
        assertEquals(1, busyEvents.get());
    }

    @Test
    void submitWhenQueuedLongerThanTwiceTheHashTimeThenBusyWithoutHashing() throws Exception {
        admission.hasher = hashTakes(Duration.ZERO); // the shortest wait allowed: 100 ms
        admission.start(Executors.defaultThreadFactory(), 1, 1);
        AtomicBoolean secondRan = new AtomicBoolean();
        admission.submit(() -> {
            sleep(400);
            return "first";
        }, busyEvents::incrementAndGet, answers::add);
        admission.submit(() -> {
            secondRan.set(true);
            return "second";
        }, busyEvents::incrementAndGet, answers::add);

        waitForAnswers(2);
        assertEquals("first", answers.get(0));
        assertInstanceOf(AuthServiceUnavailable.class, answers.get(1));
        assertFalse(secondRan.get());
        assertEquals(1, busyEvents.get());
    }

    @Test
    void submitWhenWorkThrowsThenTheFailureIsTheAnswer() throws Exception {
        admission.hasher = hashTakes(Duration.ofMillis(100));
        admission.start(Executors.defaultThreadFactory(), 1, 1);
        IllegalStateException failure = new IllegalStateException("store down");

        admission.submit(() -> {
            throw failure;
        }, busyEvents::incrementAndGet, answers::add);

        waitForAnswers(1);
        assertSame(failure, answers.get(0));
        assertEquals(0, busyEvents.get());
    }

    @Test
    void stopWhenLoginsQueuedThenEachAnsweredBusyNotLeftWithoutAnswer() throws Exception {
        admission.hasher = hashTakes(Duration.ofSeconds(5));
        admission.start(Executors.defaultThreadFactory(), 1, 1);
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean queuedRan = new AtomicBoolean();
        admission.submit(() -> {
            running.countDown();
            sleep(10_000); // interrupted by the stop
            return "first";
        }, busyEvents::incrementAndGet, answers::add);
        admission.submit(() -> {
            queuedRan.set(true);
            return "queued";
        }, busyEvents::incrementAndGet, answers::add);
        assertTrue(running.await(5, TimeUnit.SECONDS));

        admission.stop();

        waitForAnswers(2);
        assertTrue(answers.stream().anyMatch(AuthServiceUnavailable.class::isInstance), "answers: " + answers);
        assertTrue(answers.contains("first"));
        assertFalse(queuedRan.get());
    }

    @Test
    void maxWaitWhenHashTimeVariesThenTwiceItWithin100MillisAnd1Second() {
        assertEquals(100, HashAdmission.maxWaitMillis(Duration.ofMillis(10)));
        assertEquals(300, HashAdmission.maxWaitMillis(Duration.ofMillis(150)));
        assertEquals(1_000, HashAdmission.maxWaitMillis(Duration.ofSeconds(2)));
    }

    private void waitForAnswers(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (answers.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, answers.size(), "answers: " + answers);
        assertNotNull(answers.get(count - 1));
    }

    private static PasswordHasher hashTakes(Duration typical) {
        return new PasswordHasher() {
            @Override
            public Duration typicalHashTime() {
                return typical;
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
