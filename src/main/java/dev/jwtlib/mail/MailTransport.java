package dev.jwtlib.mail;

/** Hands one mail on: to an SMTP server, or to the log. */
interface MailTransport {

    /**
     * @throws Exception when the mail could not be handed on (it is retried)
     */
    void deliver(Mail mail) throws Exception;

    /** For the start-up log. */
    String describe();
}
