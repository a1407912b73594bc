package dev.jwtlib.mechanism;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an {@code Authorization} header: the scheme is matched case-insensitively (RFC 9110
 * section 11.1), {@code Bearer} carries a token (RFC 6750 section 2.1). {@code Basic} is
 * recognised only to be refused: no protected resource takes a password (a client's Basic
 * credentials are read by the OAuth endpoints themselves).
 */
public final class AuthorizationHeader {

    /**
     * RFC 6750 {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}.
     * Compiled once: {@code String.matches} compiled it on every request, about 6 % of a
     * protected request's CPU (JFR).
     */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");


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
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : value.substring(space + 1).strip();
        return switch (scheme) {
            case "bearer" -> Optional.of(bearer(rest));
            case "basic" -> Optional.of(new Basic());
            default -> Optional.empty();
        };
    }

    /** The bearer token of a header, or empty. */
    public static Optional<String> bearerToken(String header) {
        return parse(header).filter(Bearer.class::isInstance).map(c -> ((Bearer) c).token());
    }

    private static Credentials bearer(String token) {
        if (!B64TOKEN.matcher(token).matches()) {
            return new Malformed("Bearer");
        }
        return new Bearer(token);
    }
}
