package dev.jwtlib.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtlib.account.PublicUser;
import dev.jwtlib.token.TokenSubject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a refresh reads from the token and from its stored entry instead of the store's user. */
class RefreshTokenFormatTest {

    @Test
    void familyOfWhenFamilyDotSecretThenTheFamily() {
        assertEquals(Optional.of("fam1"), SessionService.familyOf("fam1.c2VjcmV0"));
        assertEquals(Optional.of("fam1"), SessionService.familyOf("fam1.a.b"));
    }

    @Test
    void familyOfWhenNoDotOrEmptyFamilyThenNothing() {
        assertEquals(Optional.empty(), SessionService.familyOf("c2VjcmV0c2VjcmV0"));
        assertEquals(Optional.empty(), SessionService.familyOf(".c2VjcmV0"));
        assertEquals(Optional.empty(), SessionService.familyOf(""));
    }

    @Test
    void ownerWhenBuiltFromEntryThenSubjectAndPublicUserMatchTheUser() {
        RefreshTokens.Owner owner = new RefreshTokens.Owner("id-7", "bob", "bob@example.com", List.of("user", "admin"));

        assertEquals(new TokenSubject("id-7", "bob", Set.of("admin", "user")), owner.subject());
        assertEquals(new PublicUser("bob", "bob@example.com", true, List.of("admin", "user")), owner.publicUser());
    }
}
