package dev.jwtlib.error;

/**
 * A protected resource was asked for without usable credentials of the kind it takes: none at
 * all, a malformed header, or a scheme the resource does not accept ({@code 401} with the
 * challenge of that resource).
 */
public class Unauthenticated extends AuthError {

    private final String challenge;

    /**
     * @param challenge the {@code WWW-Authenticate} value, from {@link Challenge}
     */
    public Unauthenticated(String detail, String challenge) {
        super(detail);
        this.challenge = challenge;
    }

    @Override
    public Problem problem() {
        return Problem.of("unauthorized", "Unauthorized", 401, getMessage()).withHeader(Challenge.HEADER, challenge);
    }
}
