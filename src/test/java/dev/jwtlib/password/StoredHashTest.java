package dev.jwtlib.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredHashTest {

    private static final PasswordSettings OWASP = new PasswordSettings("PBKDF2WithHmacSHA256", 600_000, 32, 32, 15);

    private static String encoded(String alg, int iterations, int salt, int key) {
        return alg + ":" + iterations + ":" + Base64.getEncoder().encodeToString(new byte[salt]) + ":"
                + Base64.getEncoder().encodeToString(new byte[key]);
    }

    @Test
    void weakerThanWhenSameParametersThenNo() {
        assertFalse(StoredHash.parse(encoded("PBKDF2WithHmacSHA256", 600_000, 32, 32)).orElseThrow().weakerThan(OWASP));
    }

    @Test
    void weakerThanWhenAnyParameterSmallerOrAlgorithmDifferentThenYes() {
        assertTrue(StoredHash.parse(encoded("PBKDF2WithHmacSHA256", 2048, 32, 32)).orElseThrow().weakerThan(OWASP));
        assertTrue(StoredHash.parse(encoded("PBKDF2WithHmacSHA256", 600_000, 16, 32)).orElseThrow().weakerThan(OWASP));
        assertTrue(StoredHash.parse(encoded("PBKDF2WithHmacSHA256", 600_000, 32, 16)).orElseThrow().weakerThan(OWASP));
        assertTrue(StoredHash.parse(encoded("PBKDF2WithHmacSHA1", 600_000, 32, 32)).orElseThrow().weakerThan(OWASP));
    }

    @Test
    void parseWhenNotTheEncodingThenEmpty() {
        assertEquals(Optional.empty(), StoredHash.parse("garbage"));
        assertEquals(Optional.empty(), StoredHash.parse("a:b:c:d"));
        assertEquals(Optional.empty(), StoredHash.parse(null));
    }
}
