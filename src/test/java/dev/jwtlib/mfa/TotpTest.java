package dev.jwtlib.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B: the seeds are the ASCII digits 1234567890 repeated to the hash's key size. */
    private static byte[] seed(String hmac) {
        String digits = switch (hmac) {
            case "HmacSHA1" -> "12345678901234567890";
            case "HmacSHA256" -> "12345678901234567890123456789012";
            default -> "1234567890123456789012345678901234567890123456789012345678901234";
        };
        return digits.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "HmacSHA1, 59, 94287082", "HmacSHA256, 59, 46119246", "HmacSHA512, 59, 90693936",
            "HmacSHA1, 1111111109, 07081804", "HmacSHA256, 1111111109, 68084774", "HmacSHA512, 1111111109, 25091201",
            "HmacSHA1, 1111111111, 14050471", "HmacSHA256, 1111111111, 67062674", "HmacSHA512, 1111111111, 99943326",
            "HmacSHA1, 1234567890, 89005924", "HmacSHA256, 1234567890, 91819424", "HmacSHA512, 1234567890, 93441116",
            "HmacSHA1, 2000000000, 69279037", "HmacSHA256, 2000000000, 90698825", "HmacSHA512, 2000000000, 38618901",
            "HmacSHA1, 20000000000, 65353130", "HmacSHA256, 20000000000, 77737706", "HmacSHA512, 20000000000, 47863826"})
    void codeWhenRfc6238TestVectorThenItsValue(String hmac, long time, String expected) {
        assertEquals(expected, Totp.code(seed(hmac), Totp.step(Instant.ofEpochSecond(time)), 8, hmac));
    }

    @Test
    void codeWhenSixDigitsThenTheLastSixOfTheRfcValue() {
        // the apps' 6 digits: the same truncation modulo 10^6 (RFC 4226 appendix D: 287082 at counter 1)
        assertEquals("287082", Totp.code(seed("HmacSHA1"), 1));
        assertEquals("081804", Totp.code(seed("HmacSHA1"), Totp.step(Instant.ofEpochSecond(1111111109))));
    }

    @Test
    void matchWhenWithinOneStepThenThatStepElseNothing() {
        byte[] secret = Totp.newSecret();
        assertEquals(20, secret.length);
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.step(now);
        assertEquals(OptionalLong.of(step), Totp.match(secret, Totp.code(secret, step), now, Long.MIN_VALUE));
        assertEquals(OptionalLong.of(step - 1), Totp.match(secret, Totp.code(secret, step - 1), now, Long.MIN_VALUE),
                "a clock 30 s behind");
        assertEquals(OptionalLong.of(step + 1), Totp.match(secret, Totp.code(secret, step + 1), now, Long.MIN_VALUE),
                "a clock 30 s ahead");
        assertTrue(Totp.match(secret, Totp.code(secret, step - 2), now, Long.MIN_VALUE).isEmpty(), "60 s is too far");
        assertTrue(Totp.match(secret, Totp.code(secret, step + 2), now, Long.MIN_VALUE).isEmpty());
        assertTrue(Totp.match(secret, Totp.code(secret, step), now, step).isEmpty(), "a used step");
        assertTrue(Totp.match(secret, Totp.code(secret, step - 1), now, step).isEmpty(), "an older step than a used one");
        String code = Totp.code(secret, step);
        assertEquals(OptionalLong.of(step), Totp.match(secret, code.substring(0, 3) + " " + code.substring(3), now, Long.MIN_VALUE),
                "typed with a space");
        for (String bad : new String[] {"", "12345", "1234567", "12a456", "１２３４５６", "      "}) {
            assertTrue(Totp.match(secret, bad, now, Long.MIN_VALUE).isEmpty(), bad);
        }
        assertTrue(Totp.match(secret, null, now, Long.MIN_VALUE).isEmpty());
    }

    @Test
    void base32WhenRfc4648VectorsThenBothWays() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
                {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            assertEquals(v[1], Base32.encode(v[0].getBytes(StandardCharsets.US_ASCII)));
            assertEquals(v[0], new String(Base32.decode(v[1].toLowerCase() + "===="), StandardCharsets.US_ASCII));
        }
        assertEquals(32, Base32.encode(new byte[20]).length(), "a 160-bit secret is 32 characters");
    }
}
