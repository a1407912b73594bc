package dev.jwtlib.lifecycle;

import dev.jwtlib.error.AuthError;
import dev.jwtlib.error.Problem;

/** A login refused until the address is verified ({@code jwtlib.registration.require-verified-email}; {@code 403}). */
public class EmailNotVerified extends AuthError {

    public EmailNotVerified() {
        super("Your email address is not verified yet: enter the code from the verification mail at "
                + "POST /api/auth/email/verify (a new mail has been sent, unless one was sent moments ago).");
    }

    @Override
    public Problem problem() {
        return Problem.of("email-not-verified", "Email not verified", 403, getMessage());
    }
}
