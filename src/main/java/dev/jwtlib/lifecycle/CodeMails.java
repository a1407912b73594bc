package dev.jwtlib.lifecycle;

import dev.jwtlib.account.User;
import dev.jwtlib.mail.Mail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The texts of the mails that carry a code: the code, how long it works, and the application's link when configured. */
final class CodeMails {

    private CodeMails() {
    }

    static Mail verification(User user, String code, Duration ttl, Optional<String> link) {
        return new Mail(user.email(), "email_verification", user.username(), "Verify your email address",
                "Hello " + user.username() + ",\n\n"
                        + "please confirm that this address is yours"
                        + link.map(l -> " by opening this link:\n\n    " + withCode(l, code) + "\n\nor by entering this code:")
                        .orElse(" by entering this code:")
                        + "\n\n    " + code + "\n\n"
                        + "It works once, for " + human(ttl) + ". If you did not register, ignore this mail.\n");
    }

    static Mail reset(User user, String code, Duration ttl, Optional<String> link) {
        return new Mail(user.email(), "password_reset", user.username(), "Reset your password",
                "Hello " + user.username() + ",\n\n"
                        + "someone (we hope you) asked to reset the password of your account"
                        + link.map(l -> ". Choose a new one here:\n\n    " + withCode(l, code) + "\n\nor with this code:")
                        .orElse(". Choose a new one with this code:")
                        + "\n\n    " + code + "\n\n"
                        + "It works once, for " + human(ttl) + ", and only the newest code works. If you did not ask for\n"
                        + "it, ignore this mail: your password stays as it is.\n");
    }

    private static String withCode(String template, String code) {
        return template.replace("{code}", URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    private static String human(Duration ttl) {
        if (ttl.toDays() >= 1 && ttl.equals(Duration.ofDays(ttl.toDays()))) {
            return ttl.toDays() + (ttl.toDays() == 1 ? " day" : " days");
        }
        if (ttl.toHours() >= 1 && ttl.equals(Duration.ofHours(ttl.toHours()))) {
            return ttl.toHours() + (ttl.toHours() == 1 ? " hour" : " hours");
        }
        return Math.max(1, ttl.toMinutes()) + " minutes";
    }
}
