package dev.jwtlib.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Mail through Jakarta Mail (the server's implementation: Liberty's {@code mail-2.1}, WildFly's
 * mail module) to the configured SMTP server, with timeouts, so that a slow or dead server fails
 * a send rather than holding a thread, and with UTF-8 addresses (RFC 6531) allowed.
 */
final class SmtpTransport implements MailTransport {

    private static final String TIMEOUT_MILLIS = "10000";

    private final MailSettings settings;
    private final Session session;

    SmtpTransport(MailSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host().orElseThrow());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        properties.put("mail.mime.allowutf8", "true");
        if (settings.starttls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Authenticator authenticator = null;
        if (settings.username().isPresent()) {
            properties.put("mail.smtp.auth", "true");
            String user = settings.username().get();
            String password = settings.password().orElseThrow();
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
    }

    @Override
    public void deliver(Mail mail) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        Transport.send(message);
    }

    @Override
    public String describe() {
        return "SMTP " + settings.host().orElseThrow() + ":" + settings.port() + (settings.starttls() ? " with STARTTLS" : "")
                + settings.username().map(u -> " as " + u).orElse("") + ", from " + settings.from();
    }
}
