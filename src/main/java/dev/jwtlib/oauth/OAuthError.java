package dev.jwtlib.oauth;

/**
 * An error of the token or revocation endpoint, answered as RFC 6749 section 5.2 says:
 * {@code application/json} {@code {"error", "error_description"}}, {@code 400}, or {@code 401} with
 * {@code WWW-Authenticate} for {@code invalid_client}. Not a problem+json: OAuth clients read
 * these fields.
 */
public class OAuthError extends RuntimeException {

    private final String error;
    private final int status;
    private final String challenge;

    private OAuthError(String error, String description, int status, String challenge) {
        super(description);
        this.error = error;
        this.status = status;
        this.challenge = challenge;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400, null);
    }

    /** Client authentication failed; {@code challenge} is the scheme the client used, or Basic. */
    public static OAuthError invalidClient(String description, String challenge) {
        return new OAuthError("invalid_client", description, 401, challenge);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400, null);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return new OAuthError("unsupported_grant_type", description, 400, null);
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }

    /** The {@code WWW-Authenticate} value, or {@code null}. */
    public String challenge() {
        return challenge;
    }
}
