package dev.jwtlib.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real SMTP server of the integration tests (GreenMail), one per test JVM on
 * {@code jwtlib.it.smtp.port}, where the servers under test send their mails; tests read what it
 * received. Started before the first test class, so that no mail of any test finds it down.
 */
final class TestSmtp {

    private static final Pattern CODE = Pattern.compile("(?m)^\\s+([A-Z2-7]{26})\\s*$");
    private static GreenMail server;

    private TestSmtp() {
    }

    static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(Integer.getInteger("jwtlib.it.smtp.port", 19025), "127.0.0.1",
                    ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Takes the SMTP server down (connections are refused) until {@link #start}. */
    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** A mail received for {@code address}. */
    record Received(String to, String subject, String text) {

        /** The code in it (an indented line of 26 base32 characters). */
        String code() {
            Matcher m = CODE.matcher(text);
            if (!m.find()) {
                fail("no code in the mail: " + text);
            }
            return m.group(1);
        }
    }

    /** The newest mail to {@code address} whose subject contains {@code subject}, waiting up to {@code wait}. */
    static Received await(String address, String subject, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        do {
            Optional<Received> found = find(address, subject);
            if (found.isPresent()) {
                return found.get();
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        fail("no mail '" + subject + "' to " + address + " within " + wait.toSeconds() + " s");
        return null;
    }

    /** Waits {@code wait} and says whether a mail to {@code address} came meanwhile. */
    static boolean anyWithin(String address, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        do {
            if (!all(address).isEmpty()) {
                return true;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        return false;
    }

    static synchronized List<Received> all(String address) {
        List<Received> found = new ArrayList<>();
        if (server == null) {
            return found;
        }
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                String to = utf8(message.getHeader("To")[0]);
                if (to.equalsIgnoreCase(address)) {
                    found.add(new Received(to, message.getSubject(), GreenMailUtil.getBody(message)));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static Optional<Received> find(String address, String subject) {
        List<Received> mails = all(address).stream().filter(m -> m.subject().contains(subject)).toList();
        return mails.isEmpty() ? Optional.empty() : Optional.of(mails.get(mails.size() - 1));
    }

    /** Header bytes are UTF-8 on the wire (RFC 6532); GreenMail reads them as Latin-1. */
    private static String utf8(String header) {
        return new String(header.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
