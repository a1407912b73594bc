package dev.jwtlib.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jakarta Mail (Eclipse Angus, as the servers ship it) to a real SMTP server, GreenMail. */
class SmtpTransportTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private SmtpTransport transport(boolean starttls) {
        return new SmtpTransport(new MailSettings(Optional.of("127.0.0.1"), smtp.getSmtp().getPort(), Optional.empty(),
                Optional.empty(), starttls, "no-reply@example.test"));
    }

    @Test
    void deliverThenTheServerHasTheMailFromTheSenderInUtf8() throws Exception {
        transport(false).deliver(new Mail("alice@example.com", "password_reset", "alice", "Réinitialiser", "Code: ABC ✓"));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Réinitialiser", received[0].getSubject());
        assertEquals("no-reply@example.test", received[0].getFrom()[0].toString());
        assertTrue(GreenMailUtil.getBody(received[0]).contains("ABC"), GreenMailUtil.getBody(received[0]));
    }

    @Test
    void deliverWhenTheLocalPartIsNotAsciiThenDelivered() throws Exception {
        transport(false).deliver(new Mail("jürgen@example.com", "email_verification", "jurgen", "Verify", "Code: XYZ"));
        assertEquals(1, smtp.getReceivedMessages().length);
        // sent as UTF-8 (RFC 6531/6532); GreenMail reads header bytes as Latin-1, so decode them back
        String to = smtp.getReceivedMessages()[0].getHeader("To")[0];
        assertEquals("jürgen@example.com", new String(to.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void deliverWhenStarttlsIsRequiredAndTheServerHasNoneThenFailsInsteadOfSendingInClear() {
        assertThrows(Exception.class, () -> transport(true).deliver(new Mail("alice@example.com", "password_reset", "alice",
                "Reset", "Code: ABC")));
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void deliverWhenNoServerListensThenFailsWithinTheTimeout() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        SmtpTransport down = new SmtpTransport(new MailSettings(Optional.of("127.0.0.1"), port, Optional.empty(),
                Optional.empty(), false, "no-reply@example.test"));
        long started = System.nanoTime();
        assertThrows(Exception.class, () -> down.deliver(new Mail("alice@example.com", "password_reset", "alice", "R", "x")));
        assertTrue(System.nanoTime() - started < 15_000_000_000L);
        smtp.start();
    }
}
