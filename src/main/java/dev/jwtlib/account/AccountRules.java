package dev.jwtlib.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The input rules for usernames and emails: usernames are trimmed, NFKC-normalised and
 * lower-cased, 3–32 letters, digits, {@code . _ -}, starting with a letter or digit; emails are
 * trimmed, at most 254 characters, of the form {@code local@domain.tld}, unique case-insensitively.
 * Neither may hold a control character (Unicode Cc, NUL included) or an invisible format
 * character (Cf: zero-width characters, bidi overrides).
 */
public final class AccountRules {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{2,31}");
    private static final Pattern EMAIL = Pattern.compile(
            "[^\\s@\"(),:;<>\\[\\]\\\\]{1,64}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62}[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62}[\\p{L}\\p{N}])?)+");
    public static final int MAX_EMAIL_LENGTH = 254;
    private static final String CONTROL_OR_FORMAT = "must not contain control characters or invisible formatting characters";

    private AccountRules() {
    }

    /** The canonical form under which a username is stored and compared. */
    public static String canonicalUsername(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** What is wrong with a canonical username, or empty. */
    public static Optional<String> usernameProblem(String canonical) {
        if (hasControlOrFormat(canonical)) {
            return Optional.of(CONTROL_OR_FORMAT);
        }
        int length = canonical.codePointCount(0, canonical.length());
        if (length < 3 || length > 32) {
            return Optional.of("must be 3 to 32 characters long");
        }
        if (!USERNAME.matcher(canonical).matches()) {
            return Optional.of("may hold only letters, digits, '.', '_' and '-', and must start with a letter or digit");
        }
        return Optional.empty();
    }

    public static String trimmedEmail(String raw) {
        return raw.strip();
    }

    /** The key under which an email is unique. */
    public static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** What is wrong with a trimmed email, or empty. */
    public static Optional<String> emailProblem(String email) {
        if (hasControlOrFormat(email)) {
            return Optional.of(CONTROL_OR_FORMAT);
        }
        if (email.length() > MAX_EMAIL_LENGTH) {
            return Optional.of("must be at most " + MAX_EMAIL_LENGTH + " characters long");
        }
        if (!EMAIL.matcher(email).matches()) {
            return Optional.of("must be a valid email address");
        }
        return Optional.empty();
    }

    private static boolean hasControlOrFormat(String text) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT);
    }
}
