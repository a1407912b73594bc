package dev.jwtlib.mail;

import java.util.logging.Logger;

/**
 * Development only: no SMTP server is configured, so mails, codes and all, are written to the
 * log (the start-up log says so loudly).
 */
final class LogTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(LogTransport.class.getName());

    @Override
    public void deliver(Mail mail) {
        LOG.info(() -> "jwtlib: DEVELOPMENT MAIL (no jwtlib.mail.smtp.host; not sent) to " + mail.to() + "\nSubject: "
                + mail.subject() + "\n\n" + mail.text());
    }

    @Override
    public String describe() {
        return "none: mails are WRITTEN TO THE LOG, codes included (development only; set jwtlib.mail.smtp.host)";
    }
}
