package dev.jwtlib.session;

import dev.jwtlib.verify.TokenIds;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A refresh token as the client holds it: {@code <login>.<generation>.<secret>}. The login is
 * the access tokens' {@code sid}; the generation counts the refreshes of the login (0 for the
 * login's first token) and names where the login remembers the token once it is spent. Only the
 * SHA-256 {@linkplain #digest() digest} of the whole token is stored, so a token with another
 * generation is another token.
 */
record RefreshToken(String login, long generation, String value) {

    private static final int SECRET_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("([A-Za-z0-9_-]{1,64})\\.(0|[1-9][0-9]{0,17})\\.[A-Za-z0-9_-]{1,128}");

    /** The first token of a new login. */
    static RefreshToken first(String login) {
        return of(login, 0);
    }

    /** The token that replaces this one. */
    RefreshToken next() {
        return of(login, generation + 1);
    }

    String digest() {
        return TokenIds.digest(value);
    }

    /** The token, or empty when the text is not one (also for tokens of an earlier format: {@code <login>.<secret>}). */
    static Optional<RefreshToken> parse(String token) {
        var match = FORMAT.matcher(token);
        if (!match.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RefreshToken(match.group(1), Long.parseLong(match.group(2)), token));
    }

    private static RefreshToken of(String login, long generation) {
        return new RefreshToken(login, generation, login + "." + generation + "." + TokenIds.random(SECRET_BYTES));
    }

    @Override
    public String toString() {
        return "RefreshToken[login=" + login + ", generation=" + generation + "]";
    }
}
