package dev.jwtlib.account;

import java.util.Set;

/** The roles jwtlib knows; a token's {@code groups} claim holds a subset of them. */
public final class Roles {
    public static final String USER = "user";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    /** Every role an administrator may grant. */
    public static final Set<String> ALL = Set.of(USER, ADMIN, SERVICE);

    private Roles() {
    }
}
