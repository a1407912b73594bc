package dev.jwtlib.mfa;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The bodies of the second-factor endpoints. */
final class MfaRequests {

    private MfaRequests() {
    }

    /** {@code POST /api/auth/mfa/totp}: the current password. */
    public record Enrol(@JsonbProperty("password") String password) {
        @Override
        public String toString() {
            return "Enrol[]";
        }
    }

    /** {@code POST /api/auth/mfa/totp/confirm}: the first code of the app. */
    public record Confirm(@JsonbProperty("code") String code) {
        @Override
        public String toString() {
            return "Confirm[]";
        }
    }

    /** {@code DELETE /api/auth/mfa/totp}, {@code POST /api/auth/mfa/recovery-codes}: password and a code. */
    public record PasswordAndCode(@JsonbProperty("password") String password, @JsonbProperty("code") String code) {
        @Override
        public String toString() {
            return "PasswordAndCode[]";
        }
    }

    /** The enrolment's answer. */
    public record EnrolmentResponse(@JsonbProperty("secret") String secret, @JsonbProperty("otpauth_uri") String otpauthUri,
                                    @JsonbProperty("qr_code") String qrCode) {
    }

    /** New recovery codes, shown once. */
    public record RecoveryCodes(@JsonbProperty("recovery_codes") List<String> recoveryCodes) {
        public RecoveryCodes {
            recoveryCodes = List.copyOf(recoveryCodes);
        }
    }
}
