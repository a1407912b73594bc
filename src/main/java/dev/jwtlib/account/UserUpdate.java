package dev.jwtlib.account;

import java.util.List;

/**
 * A change to some fields of a user; {@code null} leaves a field as it is.
 *
 * @param passwordHash a new password hash
 * @param active       whether the user may log in and use tokens
 * @param roles        the new roles
 * @param emailVerified whether the address is proven the user's
 */
public record UserUpdate(String passwordHash, Boolean active, List<String> roles, Boolean emailVerified) {

    public UserUpdate(String passwordHash, Boolean active, List<String> roles) {
        this(passwordHash, active, roles, null);
    }

    public UserUpdate {
        roles = roles == null ? null : List.copyOf(roles);
    }

    public static UserUpdate password(String passwordHash) {
        return new UserUpdate(passwordHash, null, null, null);
    }

    /** The address is proven the user's. */
    public static UserUpdate verifiedEmail() {
        return new UserUpdate(null, null, null, true);
    }

    public boolean isEmpty() {
        return passwordHash == null && active == null && roles == null && emailVerified == null;
    }
}
