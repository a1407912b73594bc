package dev.jwtlib.mfa;

import dev.jwtlib.account.CurrentUser;
import dev.jwtlib.account.Roles;
import dev.jwtlib.account.User;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.InvalidInput;
import dev.jwtlib.http.ClientAddresses;
import dev.jwtlib.http.NoStore;
import dev.jwtlib.password.HashAdmission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/auth/mfa/...}: enrol a TOTP app, confirm it, turn it off, new recovery codes. The
 * enrolment is open to a token that may do nothing else ({@link Roles#MFA_ENROLMENT}). What checks
 * the password runs on the hashing threads; secrets and codes are answered with
 * {@code Cache-Control: no-store}.
 */
@Path("/api/auth/mfa")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MfaResource {

    @Inject
    SecondFactorService factors;
    @Inject
    CurrentUser caller;
    @Inject
    HashAdmission hashing;
    @Inject
    ClientAddresses addresses;
    @Inject
    SecurityEvents events;

    @POST
    @Path("totp")
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.SERVICE, Roles.MFA_ENROLMENT})
    @Consumes(MediaType.APPLICATION_JSON)
    public void enrol(MfaRequests.Enrol request, @Context HttpServletRequest http, @Suspended AsyncResponse response) {
        User user = caller();
        String source = addresses.of(http);
        hashing.submit(response, ClientAddresses.limitKey(source), () -> events.asCaller(source, () -> {
            SecondFactorService.Enrolment enrolment = factors.begin(user, request.password(), ClientAddresses.limitKey(source));
            return secret(new MfaRequests.EnrolmentResponse(enrolment.secret(), enrolment.otpauthUri(), enrolment.qrCode()));
        }), () -> { });
    }

    @POST
    @Path("totp/confirm")
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.SERVICE, Roles.MFA_ENROLMENT})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirm(MfaRequests.Confirm request) {
        required("code", request.code());
        return secret(new MfaRequests.RecoveryCodes(factors.confirm(caller(), request.code())));
    }

    @DELETE
    @Path("totp")
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    public void disable(MfaRequests.PasswordAndCode request, @Context HttpServletRequest http,
                        @Suspended AsyncResponse response) {
        required("code", request.code());
        User user = caller();
        String source = addresses.of(http);
        hashing.submit(response, ClientAddresses.limitKey(source), () -> events.asCaller(source, () -> {
            factors.disable(user, request.password(), request.code(), ClientAddresses.limitKey(source));
            return Response.noContent().build();
        }), () -> { });
    }

    @POST
    @Path("recovery-codes")
    @RolesAllowed({Roles.USER, Roles.ADMIN, Roles.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    public void renewRecoveryCodes(MfaRequests.PasswordAndCode request, @Context HttpServletRequest http,
                                   @Suspended AsyncResponse response) {
        required("code", request.code());
        User user = caller();
        String source = addresses.of(http);
        hashing.submit(response, ClientAddresses.limitKey(source), () -> events.asCaller(source, () ->
                secret(new MfaRequests.RecoveryCodes(factors.renewRecoveryCodes(user, request.password(), request.code(),
                        ClientAddresses.limitKey(source))))), () -> { });
    }

    private static void required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInput(field, "is required");
        }
        if (value.length() > 64) {
            throw new InvalidInput(field, "is too long for a code");
        }
    }

    private static Response secret(Object body) {
        return Response.ok(body).cacheControl(NoStore.cacheControl()).header("Pragma", "no-cache").build();
    }

    private User caller() {
        return caller.get();
    }
}
