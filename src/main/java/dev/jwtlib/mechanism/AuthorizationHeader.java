package dev.jwtlib.mechanism;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an {@code Authorization} header: the scheme is matched case-insensitively (RFC 9110
 * section 11.1), {@code Bearer} carries a token (RFC 6750 section 2.1), {@code Basic} a UTF-8
 * {@code user:password} pair (RFC 7617).
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

    public record Basic(String username, String password) implements Credentials {
        @Override
        public String toString() {
            return "Basic[" + username + "]";
        }
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
            case "basic" -> Optional.of(basic(rest));
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

    private static Credentials basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (encoded.isEmpty() || colon < 0) {
                return new Malformed("Basic");
            }
            return new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return new Malformed("Basic");
        }
    }
}
