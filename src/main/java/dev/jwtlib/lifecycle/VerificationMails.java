package dev.jwtlib.lifecycle;

import dev.jwtlib.account.Registered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Sends the verification mail of every new registration. */
@ApplicationScoped
class VerificationMails {

    @Inject
    EmailVerification verification;

    void onRegistered(@Observes Registered registered) {
        verification.send(registered.user());
    }
}
