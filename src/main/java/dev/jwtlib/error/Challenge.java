package dev.jwtlib.error;

/**
 * The {@code WWW-Authenticate} values of a {@code 401}: RFC 6750 section 3 for bearer tokens,
 * RFC 7617 for HTTP Basic. The realm is named here and nowhere else.
 */
public final class Challenge {

    public static final String REALM = "jwtlib";
    public static final String HEADER = "WWW-Authenticate";

    private Challenge() {
    }

    /** No token was sent: the scheme and realm only (RFC 6750 section 3.1). */
    public static String bearer() {
        return "Bearer realm=\"" + REALM + "\"";
    }

    /** A token was sent and refused, with a human-readable reason. */
    public static String invalidToken(String description) {
        return bearer() + ", error=\"invalid_token\", error_description=\"" + quotable(description) + "\"";
    }

    public static String basic() {
        return "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    }

    /** RFC 6750 limits {@code error_description} to printable ASCII without {@code "} and {@code \}. */
    private static String quotable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '?');
        }
        return out.toString();
    }
}
