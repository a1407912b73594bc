package dev.jwtlib.account;

import java.util.List;

/**
 * A change to some fields of a user; {@code null} leaves a field as it is.
 *
 * @param passwordHash a new password hash
 * @param active       whether the user may log in and use tokens
 * @param roles        the new roles
 */
public record UserUpdate(String passwordHash, Boolean active, List<String> roles) {

    public UserUpdate {
        roles = roles == null ? null : List.copyOf(roles);
    }

    public static UserUpdate password(String passwordHash) {
        return new UserUpdate(passwordHash, null, null);
    }

    public boolean isEmpty() {
        return passwordHash == null && active == null && roles == null;
    }
}
