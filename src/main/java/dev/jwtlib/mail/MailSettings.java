package dev.jwtlib.mail;

import dev.jwtlib.config.ConfigValues;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How mail leaves the service ({@code jwtlib.mail.*}).
 *
 * @param host     the SMTP server, or empty: mails are then written to the log (development only)
 * @param port     its port ({@code 587} by default)
 * @param username the SMTP login, or empty for none
 * @param password its password
 * @param starttls whether the connection must be upgraded with STARTTLS before anything is sent
 *                 (default: unless the host is a loopback address)
 * @param from     the sender address
 */
public record MailSettings(Optional<String> host, int port, Optional<String> username, Optional<String> password,
                           boolean starttls, String from) {

    public static final String HOST = "jwtlib.mail.smtp.host";
    public static final String FROM = "jwtlib.mail.from";

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", username=" + username + ", starttls=" + starttls
                + ", from=" + from + "]";
    }

    /**
     * @throws IllegalStateException naming the key when a value is invalid
     */
    public static MailSettings from(Config config) {
        Optional<String> host = ConfigValues.optional(config, HOST);
        int port = ConfigValues.integer(config, "jwtlib.mail.smtp.port", 587, 1, 65_535);
        Optional<String> username = ConfigValues.optional(config, "jwtlib.mail.smtp.username");
        Optional<String> password = ConfigValues.optional(config, "jwtlib.mail.smtp.password");
        if (username.isPresent() != password.isPresent()) {
            throw ConfigValues.invalid("jwtlib.mail.smtp.username", username.orElse("(none)"),
                    "set together with jwtlib.mail.smtp.password");
        }
        boolean starttls = ConfigValues.optional(config, "jwtlib.mail.smtp.starttls")
                .map(v -> ConfigValues.bool("jwtlib.mail.smtp.starttls", v))
                .orElseGet(() -> host.map(h -> !isLoopback(h)).orElse(true));
        String from = ConfigValues.optional(config, FROM).orElse("jwtlib@localhost");
        try {
            new InternetAddress(from, true);
        } catch (AddressException e) {
            throw ConfigValues.invalid(FROM, from, "an email address such as no-reply@example.com");
        }
        return new MailSettings(host, port, username, password, starttls, from);
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // only literals are judged here: a name is never looked up at start-up
            return host.matches("[0-9.]+|.*:.*") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
