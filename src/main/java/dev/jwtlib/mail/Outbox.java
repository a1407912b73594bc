package dev.jwtlib.mail;

import dev.jwtlib.audit.SecurityEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends mail off the request thread: {@link #send} only queues it, so a slow or dead SMTP
 * server never holds a request. A failed attempt is logged and retried after
 * {@link #RETRIES} (about 3 minutes in all); a mail that still fails, or does not fit the queue
 * ({@value #MAX_QUEUED} mails), is given up, logged, counted ({@code jwtlib_mails_total}
 * {@code outcome="failed"}) and audited ({@code mail}, {@code failed}): nothing is lost silently.
 * Attempts run on the platform's managed scheduled executor.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    /** Waits before the second, third, … attempt. */
    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(2));
    static final int MAX_QUEUED = 10_000;

    @Resource
    ManagedScheduledExecutorService managed;
    @Inject
    MailSettings settings;
    @Inject
    SecurityEvents events;

    private ScheduledExecutorService scheduler;
    private MailTransport transport;
    private List<Duration> retries = RETRIES;
    private final AtomicInteger queued = new AtomicInteger();

    @PostConstruct
    void init() {
        start(managed, settings.host().isPresent() ? new SmtpTransport(settings) : new LogTransport());
    }

    /** With this scheduler and transport (package-private for tests). */
    void start(ScheduledExecutorService scheduler, MailTransport transport) {
        start(scheduler, transport, RETRIES);
    }

    /** With these waits between attempts (package-private for tests). */
    void start(ScheduledExecutorService scheduler, MailTransport transport, List<Duration> retries) {
        this.scheduler = scheduler;
        this.transport = transport;
        this.retries = List.copyOf(retries);
    }

    /** Where mail goes, for the start-up log. */
    public String describe() {
        return transport.describe();
    }

    /** Whether mails only go to the log (no SMTP server configured). */
    public boolean toLogOnly() {
        return transport instanceof LogTransport;
    }

    /** Queues the mail; returns at once. */
    public void send(Mail mail) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            giveUp(mail, "the outbox is full (" + MAX_QUEUED + " mails wait)");
            return;
        }
        schedule(mail, 0, Duration.ZERO);
    }

    private void schedule(Mail mail, int attempt, Duration delay) {
        try {
            scheduler.schedule(() -> attempt(mail, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet();
            giveUp(mail, "the executor refused it (the application is stopping)");
        }
    }

    private void attempt(Mail mail, int attempt) {
        try {
            transport.deliver(mail);
            queued.decrementAndGet();
            events.mail(mail.kind(), "sent");
        } catch (Exception e) {
            if (attempt < retries.size()) {
                Duration wait = retries.get(attempt);
                LOG.warning(() -> "jwtlib: mail " + mail.about() + " not sent (" + e + "); attempt " + (attempt + 2)
                        + " in " + wait.toSeconds() + " s");
                events.mail(mail.kind(), "retried");
                schedule(mail, attempt + 1, wait);
            } else {
                queued.decrementAndGet();
                LOG.log(Level.SEVERE, "jwtlib: mail " + mail.about() + " given up after " + (attempt + 1) + " attempts", e);
                giveUp(mail, "the SMTP server refused it " + (attempt + 1) + " times");
            }
        }
    }

    private void giveUp(Mail mail, String why) {
        LOG.severe(() -> "jwtlib: mail " + mail.about() + " NOT SENT: " + why);
        events.mailFailed(mail.kind(), mail.username(), why);
    }

    /** How many mails wait to be sent (for tests and health). */
    int queued() {
        return queued.get();
    }
}
