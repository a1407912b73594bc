package dev.jwtlib.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a refresh reads from the token itself: its login and generation. */
class RefreshTokenFormatTest {

    @Test
    void firstAndNextThenTheSameLoginAndTheNextGeneration() {
        RefreshToken first = RefreshToken.first("fam1");
        assertEquals(0, first.generation());
        RefreshToken next = first.next();
        assertEquals("fam1", next.login());
        assertEquals(1, next.generation());
        assertTrue(next.value().startsWith("fam1.1."), next.value());
        assertNotEquals(first.digest(), next.digest());
        assertFalse(next.toString().contains(next.value().substring(7)), "toString does not show the secret");
    }

    @Test
    void parseWhenLoginGenerationAndSecretThenThem() {
        RefreshToken token = RefreshToken.parse("fam1.42.c2VjcmV0").orElseThrow();
        assertEquals("fam1", token.login());
        assertEquals(42, token.generation());
        assertEquals(RefreshToken.first("x").next().generation(), RefreshToken.parse(RefreshToken.first("x").next().value())
                .orElseThrow().generation());
    }

    @Test
    void parseWhenAnythingElseThenNothing() {
        for (String text : new String[] {"c2VjcmV0c2VjcmV0", "fam1.c2VjcmV0", ".0.c2VjcmV0", "fam1..c2VjcmV0", "fam1.01.x",
                "fam1.-1.x", "fam1.1.", "fam1.1.a.b", "fam1.1.a b", "fam1.99999999999999999999.x", "fam$1.1.x", ""}) {
            assertTrue(RefreshToken.parse(text).isEmpty(), text);
        }
    }
}
