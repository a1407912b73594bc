package dev.jwtlib.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccountRulesTest {

    @Test
    void canonicalUsernameWhenMixedCaseAndPaddedThenTrimmedLowerCase() {
        assertEquals("alice", AccountRules.canonicalUsername("  Alice \t"));
    }

    @Test
    void canonicalUsernameWhenCompatibilityCharactersThenNfkc() {
        assertEquals("alice", AccountRules.canonicalUsername("\uFF21lice"));
        assertEquals("ﬁ".length(), 1);
        assertEquals("fig", AccountRules.canonicalUsername("\uFB01g"));
    }

    @Test
    void usernameProblemWhenValidThenNone() {
        for (String ok : new String[] {"bob", "alice.smith", "a_b-c", "9lives", "zoë", "用户名字", "x".repeat(32)}) {
            assertTrue(AccountRules.usernameProblem(AccountRules.canonicalUsername(ok)).isEmpty(), ok);
        }
    }

    @Test
    void usernameProblemWhenBrokenThenExplained() {
        for (String bad : new String[] {"ab", "x".repeat(33), "_lead", ".lead", "-lead", "has space", "semi;colon",
                "$ne", "a/b", "tab\tx", "emoji😀x"}) {
            assertTrue(AccountRules.usernameProblem(AccountRules.canonicalUsername(bad)).isPresent(), bad);
        }
    }

    @Test
    void emailProblemWhenValidThenNone() {
        for (String ok : new String[] {"a@b.co", "first.last+tag@example.com", "x@sub.example.org", "ü@exämple.de"}) {
            assertTrue(AccountRules.emailProblem(ok).isEmpty(), ok);
        }
    }

    @Test
    void emailProblemWhenBrokenThenExplained() {
        for (String bad : new String[] {"", "plain", "a@b", "@b.co", "a@@b.co", "a b@c.co", "a@-b.co", "a@b..co",
                "x".repeat(250) + "@b.co"}) {
            assertTrue(AccountRules.emailProblem(bad).isPresent(), bad);
        }
    }

    @Test
    void emailKeyWhenMixedCaseThenLowerCase() {
        assertEquals("alice@example.com", AccountRules.emailKey("Alice@Example.COM"));
    }

    @Test
    void emailProblemWhenControlOrFormatCharactersThenRefused() {
        for (String bad : new String[] {"a\u0000b@example.com", "a@example.com\u0000", "al\u200Bice@example.com",
                "a\u202Eb@example.com", "a\u0007b@example.com"}) {
            assertTrue(AccountRules.emailProblem(bad).isPresent(), bad);
        }
    }

    @Test
    void usernameProblemWhenControlOrFormatCharactersThenRefused() {
        for (String bad : new String[] {"ali\u0000ce", "ali\u200Dce", "\u202Ealice"}) {
            assertTrue(AccountRules.usernameProblem(AccountRules.canonicalUsername(bad)).isPresent(), bad);
        }
    }
}
