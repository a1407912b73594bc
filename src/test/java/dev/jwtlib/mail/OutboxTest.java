package dev.jwtlib.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.audit.SecurityEvents;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final Mail MAIL = new Mail("alice@example.com", "password_reset", "alice", "Reset", "code ABC");
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> audit = new CopyOnWriteArrayList<>();
    private final Handler auditLines = new Handler() {
        @Override
        public void publish(LogRecord record) {
            audit.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    OutboxTest() {
        Logger.getLogger("jwtlib.audit").addHandler(auditLines);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        Logger.getLogger("jwtlib.audit").removeHandler(auditLines);
    }

    private Outbox outbox(MailTransport transport) {
        Outbox outbox = new Outbox();
        outbox.events = new SecurityEvents(java.time.Clock.systemUTC());
        outbox.start(scheduler, transport, List.of(Duration.ofMillis(50), Duration.ofMillis(50)));
        return outbox;
    }

    private static MailTransport failing(int times, List<Mail> delivered, AtomicInteger attempts) {
        return new MailTransport() {
            @Override
            public void deliver(Mail mail) throws IOException {
                if (attempts.incrementAndGet() <= times) {
                    throw new IOException("connection refused");
                }
                delivered.add(mail);
            }

            @Override
            public String describe() {
                return "test";
            }
        };
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(20);
        }
    }

    @Test
    void sendWhenTheServerFailsTwiceThenTheThirdAttemptDeliversAndSendReturnedAtOnce() throws Exception {
        List<Mail> delivered = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        Outbox outbox = outbox(failing(2, delivered, attempts));
        long started = System.nanoTime();
        outbox.send(MAIL);
        assertTrue(System.nanoTime() - started < 50_000_000L, "send only queues");
        waitUntil(() -> !delivered.isEmpty());
        assertEquals(List.of(MAIL), delivered);
        assertEquals(3, attempts.get());
        assertEquals(0, outbox.queued());
    }

    @Test
    void sendWhenTheServerNeverAnswersThenGivenUpAuditedAndCountedNeverSilently() throws Exception {
        List<Mail> delivered = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        Outbox outbox = outbox(failing(Integer.MAX_VALUE, delivered, attempts));
        outbox.send(MAIL);
        waitUntil(() -> outbox.queued() == 0);
        assertEquals(3, attempts.get(), "the first attempt and two retries");
        assertTrue(delivered.isEmpty());
        assertTrue(audit.stream().anyMatch(line -> line.contains("\"event\":\"mail\"") && line.contains("\"outcome\":\"failed\"")
                && line.contains("\"username\":\"alice\"")), audit.toString());
        assertTrue(audit.stream().noneMatch(line -> line.contains("ABC")), "never the mail's content");
    }
}
