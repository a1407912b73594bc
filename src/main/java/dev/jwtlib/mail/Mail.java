package dev.jwtlib.mail;

/**
 * A plain-text mail to one person.
 *
 * @param to       the recipient's address (may have a non-ASCII local part)
 * @param kind     what it is ({@code email_verification}, {@code password_reset}), for log lines
 *                 and the audit, which never show its content (it holds codes)
 * @param username whom it is for
 * @param subject  the subject line
 * @param text     the body
 */
public record Mail(String to, String kind, String username, String subject, String text) {

    /** What log lines say of it. */
    public String about() {
        return kind + " for " + username;
    }

    @Override
    public String toString() {
        return "Mail[" + about() + "]";
    }
}
