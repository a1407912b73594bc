package dev.jwtlib.mechanism;

import java.util.Optional;

/**
 * Reads an {@code Authorization} header: the scheme is matched case-insensitively (RFC 9110
 * section 11.1), {@code Bearer} carries a token (RFC 6750 section 2.1). {@code Basic} is
 * recognised only to be refused: no protected resource takes a password (a client's Basic
 * credentials are read by the OAuth endpoints themselves).
 */
public final class AuthorizationHeader {

    /** What the header held. */
    public sealed interface Credentials permits Bearer, Basic, Malformed {
    }

    public record Bearer(String token) implements Credentials {
    }

    /** HTTP Basic credentials, not decoded. */
    public record Basic() implements Credentials {
    }

    /** A header with a known scheme but an unusable value. */
    public record Malformed(String scheme) implements Credentials {
    }

    private AuthorizationHeader() {
    }

    /** Empty when there is no header, or its scheme is neither Bearer nor Basic. */
    public static Optional<Credentials> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        int schemeEnd = space < 0 ? value.length() : space;
        if (isScheme(value, schemeEnd, "Bearer")) {
            return Optional.of(bearer(space < 0 ? "" : value.substring(space + 1).strip()));
        }
        return isScheme(value, schemeEnd, "Basic") ? Optional.of(new Basic()) : Optional.empty();
    }

    /** Whether the header's first {@code length} characters are {@code scheme}, in any case. */
    private static boolean isScheme(String value, int length, String scheme) {
        return length == scheme.length() && value.regionMatches(true, 0, scheme, 0, length);
    }

    /** The bearer token of a header, or empty. */
    public static Optional<String> bearerToken(String header) {
        return parse(header).filter(Bearer.class::isInstance).map(c -> ((Bearer) c).token());
    }

    private static Credentials bearer(String token) {
        return isB64Token(token) ? new Bearer(token) : new Malformed("Bearer");
    }

    /**
     * RFC 6750 {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="},
     * checked character by character: a regular expression over the whole token was a quarter of
     * the mechanism's CPU on every protected request (JFR, issue 18).
     */
    static boolean isB64Token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
