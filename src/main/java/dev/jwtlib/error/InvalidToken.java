package dev.jwtlib.error;

/**
 * A token that cannot be used: malformed, or rejected (signature, algorithm, key, expiry,
 * issuer, audience, revocation, or its user gone or inactive). Answered with {@code 401} and an
 * RFC 6750 {@code invalid_token} challenge.
 */
public class InvalidToken extends AuthError {

    private final boolean malformed;

    private InvalidToken(String message, boolean malformed, Throwable cause) {
        super(message, cause);
        this.malformed = malformed;
    }

    /** The token could not be parsed at all. */
    public static InvalidToken malformed(String reason) {
        return new InvalidToken(reason, true, null);
    }

    /** The token parsed but was refused. */
    public static InvalidToken rejected(String reason) {
        return new InvalidToken(reason, false, null);
    }

    public static InvalidToken rejected(String reason, Throwable cause) {
        return new InvalidToken(reason, false, cause);
    }

    public boolean isMalformed() {
        return malformed;
    }

    @Override
    public Problem problem() {
        return Problem.of("invalid-token", "Unauthorized", 401, getMessage())
                .withHeader(Challenge.HEADER, Challenge.invalidToken(getMessage()));
    }
}
