package dev.jwtlib.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a refresh reads from the token itself: its family. */
class RefreshTokenFormatTest {

    @Test
    void loginOfWhenFamilyDotSecretThenTheFamily() {
        assertEquals(Optional.of("fam1"), SessionService.loginOf("fam1.c2VjcmV0"));
        assertEquals(Optional.of("fam1"), SessionService.loginOf("fam1.a.b"));
    }

    @Test
    void loginOfWhenNoDotOrEmptyFamilyThenNothing() {
        assertEquals(Optional.empty(), SessionService.loginOf("c2VjcmV0c2VjcmV0"));
        assertEquals(Optional.empty(), SessionService.loginOf(".c2VjcmV0"));
        assertEquals(Optional.empty(), SessionService.loginOf(""));
    }
}
