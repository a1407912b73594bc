package dev.jwtlib.verify;

/**
 * The one spelling of base64url that JWS allows (RFC 7515 section 2): the URL-safe alphabet,
 * no padding, no line breaks, and the unused bits of the last character zero. Decoders such as
 * jose4j's also accept {@code =}, {@code ~} and non-zero unused bits, which gives one token many
 * spellings.
 */
final class Base64Url {

    private Base64Url() {
    }

    static boolean isCanonical(String text) {
        if (text.isEmpty() || text.length() % 4 == 1) {
            return false;
        }
        int last = 0;
        for (int i = 0; i < text.length(); i++) {
            last = value(text.charAt(i));
            if (last < 0) {
                return false;
            }
        }
        return switch (text.length() % 4) {
            case 2 -> (last & 0x0f) == 0;
            case 3 -> (last & 0x03) == 0;
            default -> true;
        };
    }

    /** How many bytes a canonical text decodes to. */
    static int decodedLength(String text) {
        return text.length() * 3 / 4;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        return c == '_' ? 63 : -1;
    }
}
