package dev.jwtlib.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.mechanism.AuthorizationHeader.Basic;
import dev.jwtlib.mechanism.AuthorizationHeader.Bearer;
import dev.jwtlib.mechanism.AuthorizationHeader.Malformed;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void parseWhenBearerInAnyCaseThenToken() {
        for (String scheme : new String[] {"Bearer", "bearer", "BEARER", "bEaReR"}) {
            assertEquals(Optional.of(new Bearer("abc.def.ghi")), AuthorizationHeader.parse(scheme + " abc.def.ghi"));
        }
    }

    @Test
    void parseWhenExtraWhitespaceThenTrimmed() {
        assertEquals(Optional.of(new Bearer("abc")), AuthorizationHeader.parse("  Bearer    abc  "));
    }

    @Test
    void parseWhenBearerBlankOrWithIllegalCharactersThenMalformed() {
        assertInstanceOf(Malformed.class, AuthorizationHeader.parse("Bearer").orElseThrow());
        assertInstanceOf(Malformed.class, AuthorizationHeader.parse("Bearer ").orElseThrow());
        assertInstanceOf(Malformed.class, AuthorizationHeader.parse("Bearer a b").orElseThrow());
        assertInstanceOf(Malformed.class, AuthorizationHeader.parse("Bearer a\"b").orElseThrow());
    }

    @Test
    void parseWhenNoHeaderOrOtherSchemeThenEmpty() {
        assertTrue(AuthorizationHeader.parse(null).isEmpty());
        assertTrue(AuthorizationHeader.parse("").isEmpty());
        assertTrue(AuthorizationHeader.parse("Digest abc").isEmpty());
        assertTrue(AuthorizationHeader.parse("Bearerabc").isEmpty());
        assertTrue(AuthorizationHeader.parse("abc.def.ghi").isEmpty());
    }

    @Test
    void parseWhenBasicThenRecognisedButNotDecoded() {
        String encoded = Base64.getEncoder().encodeToString("svc:pa:ss wörd".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(new Basic()), AuthorizationHeader.parse("basic " + encoded));
        assertEquals(Optional.of(new Basic()), AuthorizationHeader.parse("Basic !!!"));
    }

    @Test
    void bearerTokenWhenBasicThenEmpty() {
        assertTrue(AuthorizationHeader.bearerToken("Basic c3ZjOnB3").isEmpty());
        assertEquals(Optional.of("t"), AuthorizationHeader.bearerToken("Bearer t"));
    }

    @Test
    void isB64TokenWhenRandomStringsThenSameAnswerAsRfc6750Grammar() {
        // the grammar of RFC 6750 section 2.1 as a regular expression, the reference for the hand loop
        java.util.regex.Pattern grammar = java.util.regex.Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
        java.util.Random random = new java.util.Random(6750);
        String alphabet = "aZ09-._~+/=  \t\u0000\u00e9\"',;:%*";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder candidate = new StringBuilder();
            for (int length = random.nextInt(8); length > 0; length--) {
                candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String token = candidate.toString();
            assertEquals(grammar.matcher(token).matches(), AuthorizationHeader.isB64Token(token), "'" + token + "'");
        }
    }
}
