package dev.jwtlib.account;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;
import java.util.Set;

/**
 * A user as kept in the store ({@code users}).
 *
 * @param id           stable id, the tokens' {@code sub}
 * @param username     canonical (NFKC, lower-case) username; unique
 * @param email        the email as given (trimmed)
 * @param emailKey     the lower-cased email; unique
 * @param passwordHash the platform's PBKDF2 encoding of the password
 * @param roles        granted roles
 * @param active       whether the user may log in and use tokens
 * @param createdAt    epoch milliseconds
 * @param updatedAt    epoch milliseconds
 * @param sessionEpoch moves on each time all of the user's sessions are ended; a login remembers
 *                     the epoch it began in (0 for users stored before it existed)
 * @param emailVerified whether the user proved that the address is theirs (a code sent to it);
 *                     {@code false} for users stored before it existed
 * @param mfaEnabled   whether a confirmed second factor (TOTP) is asked for at login; kept with
 *                     the factor itself ({@link dev.jwtlib.mfa.SecondFactors})
 */
@Entity("users")
public record User(
        @Id String id,
        @Column("username") String username,
        @Column("email") String email,
        @Column("email_key") String emailKey,
        @Column("password_hash") String passwordHash,
        @Column("roles") List<String> roles,
        @Column("is_active") boolean active,
        @Column("created_at") long createdAt,
        @Column("updated_at") long updatedAt,
        @Column("session_epoch") Long sessionEpoch,
        @Column("email_verified") Boolean emailVerified,
        @Column("mfa_enabled") Boolean mfaEnabled) {

    public User {
        roles = List.copyOf(roles == null ? List.of() : roles);
        sessionEpoch = sessionEpoch == null ? 0L : sessionEpoch;
        emailVerified = Boolean.TRUE.equals(emailVerified);
        mfaEnabled = Boolean.TRUE.equals(mfaEnabled);
    }

    public Set<String> roleSet() {
        return Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + "]";
    }
}
