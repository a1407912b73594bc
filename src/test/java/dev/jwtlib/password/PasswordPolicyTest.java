package dev.jwtlib.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(15);

    @Test
    void checkWhenLongEnoughWithoutCompositionThenAccepted() {
        assertEquals(Optional.empty(), policy.check("just lower case words", "alice"));
        assertEquals(Optional.empty(), policy.check("x".repeat(128), "alice"));
    }

    @Test
    void checkWhenTooShortOrTooLongThenRefused() {
        assertTrue(policy.check("x".repeat(14), "alice").isPresent());
        assertTrue(policy.check("x".repeat(129), "alice").isPresent());
    }

    @Test
    void checkWhenLengthCountedInCodePointsThenEmojiCountOnce() {
        String fourteenEmoji = "😀".repeat(14);
        assertTrue(policy.check(fourteenEmoji, "alice").isPresent());
        assertEquals(Optional.empty(), policy.check("😀".repeat(15), "alice"));
    }

    @Test
    void checkWhenContainsUsernameInAnyCaseThenRefused() {
        assertTrue(policy.check("my name is ALICE, hello", "alice").isPresent());
    }

    @Test
    void checkWhenOnCommonListInAnyCaseThenRefused() {
        assertTrue(policy.check("1qaz2wsx3edc4rfv", "alice").isPresent());
        assertTrue(policy.check("QAZWSXEDCRFVTGB", "alice").isPresent());
        assertTrue(new PasswordPolicy(8).check("password", "alice").isPresent());
        assertTrue(new PasswordPolicy(8).check("iloveyou", "alice").isPresent());
    }

    @Test
    void commonListWhenLoadedThenTheFullDataset() {
        assertTrue(CommonPasswords.size() > 29_000, "size " + CommonPasswords.size());
    }

    @Test
    void minimumLengthWhenLoweredThenHonoured() {
        assertEquals(Optional.empty(), new PasswordPolicy(8).check("unusual-8x", "alice"));
    }

    @Test
    void normalizeWhenCompatibilityFormThenNfkc() {
        assertEquals("ﬁ".equals(PasswordPolicy.normalize("ﬁ")), false);
        assertEquals("fi", PasswordPolicy.normalize("ﬁ"));
    }

    @Test
    void checkWhenControlCharactersThenRefusedButFormatCharactersAllowed() {
        PasswordPolicy policy = new PasswordPolicy(15);
        assertTrue(policy.check("correct horse battery\u0000", "alice").isPresent(), "NUL");
        assertTrue(policy.check("correct horse\tbattery", "alice").isPresent(), "TAB");
        assertTrue(policy.check("correct horse battery \uD83D\uDC69\u200D\uD83D\uDCBB", "alice").isEmpty(),
                "an emoji sequence joined by U+200D");
    }
}
