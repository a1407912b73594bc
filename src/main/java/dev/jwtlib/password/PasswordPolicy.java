package dev.jwtlib.password;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The password rules of NIST SP 800-63B-4: a length range, no composition rules, not the
 * username nor containing it, not a common password. Passwords are compared and hashed in
 * Unicode NFKC, so the same password typed on two keyboards matches.
 */
public final class PasswordPolicy {

    private final int minLength;

    public PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** The form in which a password is hashed and verified. */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /**
     * What makes a password unusable whatever the rules: a control character (Unicode Cc, NUL
     * included). PBKDF2's HMAC pads a short key with zero bytes, so {@code pw} and {@code pw\0}
     * would be the same password; format characters (Cf) are allowed, as emoji sequences use
     * U+200D.
     */
    /**
     * What a password presented for a check (a login, the current password) may not hold: NUL,
     * which PBKDF2 would not tell from no character. Other control characters are checked as
     * given: a password set before these rules, or elsewhere, may hold a tab.
     */
    public static Optional<String> presentedProblem(String password) {
        if (password.indexOf('\u0000') >= 0) {
            return Optional.of("must not contain NUL characters");
        }
        return Optional.empty();
    }

    public static Optional<String> characterProblem(String password) {
        if (password.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    /**
     * @param password the normalized password
     * @param username the canonical username it belongs to
     * @return what is wrong with the password, or empty when it may be used
     */
    public Optional<String> check(String password, String username) {
        Optional<String> characters = characterProblem(password);
        if (characters.isPresent()) {
            return characters;
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            return Optional.of("must be at least " + minLength + " characters long");
        }
        if (length > PasswordSettings.MAX_LENGTH) {
            return Optional.of("must be at most " + PasswordSettings.MAX_LENGTH + " characters long");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the username");
        }
        if (CommonPasswords.contains(password)) {
            return Optional.of("is too common: it is on a list of frequently used passwords");
        }
        return Optional.empty();
    }
}
