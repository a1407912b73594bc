package dev.jwtlib.mail;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jwtlib.audit.SecurityEvents;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** An {@link Outbox} whose transport keeps the mails for the test to read (or fails, while {@link #down}). */
public final class TestOutbox {

    public final Outbox outbox = new Outbox();
    public final BlockingQueue<Mail> sent = new LinkedBlockingQueue<>();
    public volatile boolean down;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "test-outbox");
        thread.setDaemon(true);
        return thread;
    });

    public TestOutbox(SecurityEvents events) {
        outbox.events = events;
        outbox.start(scheduler, new MailTransport() {
            @Override
            public void deliver(Mail mail) throws IOException {
                if (down) {
                    throw new IOException("the test's SMTP server is down");
                }
                sent.add(mail);
            }

            @Override
            public String describe() {
                return "the test's outbox";
            }
        });
    }

    /** The next mail sent, waiting up to 5 s for it. */
    public Mail next() {
        try {
            Mail mail = sent.poll(5, TimeUnit.SECONDS);
            assertNotNull(mail, "no mail was sent");
            return mail;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The code in a mail's text: the indented line of 26 base32 characters. */
    public static String code(Mail mail) {
        return mail.text().lines().map(String::strip).filter(l -> l.matches("[A-Z2-7]{26}")).findFirst()
                .orElseThrow(() -> new AssertionError("no code in: " + mail.text()));
    }
}
