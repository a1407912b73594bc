package dev.jwtlib.lifecycle;

import dev.jwtlib.account.CurrentUser;
import dev.jwtlib.account.Roles;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.http.ClientAddresses;
import dev.jwtlib.http.RateLimited;
import dev.jwtlib.password.HashAdmission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Verified email and password reset: {@code POST /api/auth/email/verify},
 * {@code /api/auth/email/verify/resend} (bearer), {@code /api/auth/password/forgot} and
 * {@code /api/auth/password/reset}. The codes travel only in request bodies and mails, never in
 * a URL of the service, an error body or a log line.
 */
@Path("/api/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LifecycleResource {

    /** The one answer to a reset request, whether or not the account exists. */
    public record Accepted(@JsonbProperty("message") String message) {
    }

    static final Accepted FORGOT = new Accepted(
            "If an account matches, a code to reset its password has been sent to its email address.");
    static final Accepted RESENT = new Accepted("A new verification code has been sent to your email address.");

    @Inject
    EmailVerification verification;
    @Inject
    PasswordReset reset;
    @Inject
    CurrentUser caller;
    @Inject
    HashAdmission hashing;
    @Inject
    ClientAddresses addresses;
    @Inject
    SecurityEvents events;

    @POST
    @Path("email/verify")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    public Response verify(VerifyEmailRequest request) {
        verification.verify(request.code());
        return Response.noContent().build();
    }

    @POST
    @Path("email/verify/resend")
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.SERVICE})
    public Response resend() {
        verification.resend(caller.get());
        return Response.accepted(RESENT).build();
    }

    @POST
    @Path("password/forgot")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    public Response forgot(ForgotPasswordRequest request) {
        reset.forgot(request.username(), request.email());
        return Response.accepted(FORGOT).build();
    }

    /** Checks the code and the new password's rules here, then hashes on the hashing threads. */
    @POST
    @Path("password/reset")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    public void reset(ResetPasswordRequest request, @Context HttpServletRequest http, @Suspended AsyncResponse response) {
        reset.check(request.code(), request.newPassword());
        String source = addresses.of(http);
        hashing.submit(response, ClientAddresses.limitKey(source), () -> events.asCaller(source, () -> {
            reset.reset(request.code(), request.newPassword());
            return Response.noContent().build();
        }), () -> { });
    }
}
