package dev.jwtlib.token;

import java.util.List;

/** Authentication method references (RFC 8176) that jwtlib's tokens carry in {@code amr}. */
public final class Amr {

    /** A password alone. */
    public static final List<String> PASSWORD = List.of("pwd");
    /** A password and a one-time code (TOTP or a recovery code). */
    public static final List<String> PASSWORD_AND_OTP = List.of("pwd", "otp");
    /** The claim's name. */
    public static final String CLAIM = "amr";

    private Amr() {
    }
}
