package dev.jwtlib.account;

import java.util.Set;

/** The roles jwtlib knows; a token's {@code groups} claim holds a subset of them. */
public final class Roles {
    public static final String USER = "user";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    /**
     * The only role of a token whose user must enrol a second factor first
     * ({@code jwtlib.mfa.required-roles}): it reaches the enrolment endpoints and nothing else.
     * Never granted by an administrator.
     */
    public static final String MFA_ENROLMENT = "mfa-enrolment";

    /** Every role an administrator may grant. */
    public static final Set<String> ALL = Set.of(USER, ADMIN, SERVICE);

    private Roles() {
    }
}
