package dev.jwtlib.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class TokenSettingsTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void fromWhenNothingConfiguredThenContractDefaults() {
        assertEquals(new TokenSettings("http://localhost:9080", Optional.empty(), Duration.ofMinutes(15), TokenAlgorithm.ES256),
                TokenSettings.from(config(Map.of()), "http://localhost:9080"));
    }

    @Test
    void fromWhenTheIssuerIsConfiguredThenItWinsOverTheDefault() {
        assertEquals("https://auth.example.com", TokenSettings.from(config(Map.of(TokenSettings.ISSUER, "https://auth.example.com")),
                "http://localhost:9080").issuer());
    }

    @Test
    void fromWhenEachAlgorithmNamedThenSelected() {
        for (String name : new String[] {"ES256", "RS256", "PS256", "EdDSA"}) {
            assertEquals(name, TokenSettings.from(config(Map.of("jwtlib.token.algorithm", name)), "http://localhost:9080").algorithm().jwsName());
        }
    }

    @Test
    void fromWhenHmacOrNoneRequestedThenStartupFailsNamingTheKey() {
        for (String name : new String[] {"HS256", "none", "es256", "RS512"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> TokenSettings.from(config(Map.of("jwtlib.token.algorithm", name)), "http://localhost:9080"));
            assertTrue(e.getMessage().contains("jwtlib.token.algorithm"), e.getMessage());
        }
    }

    @Test
    void fromWhenTtlNotAPositiveDurationThenStartupFails() {
        for (String ttl : new String[] {"15m", "PT0S", "-PT5M", ""}) {
            if (ttl.isEmpty()) {
                assertEquals(Duration.ofMinutes(15), TokenSettings.from(config(Map.of("jwtlib.token.ttl", ttl)), "http://localhost:9080").ttl());
                continue;
            }
            assertThrows(IllegalStateException.class, () -> TokenSettings.from(config(Map.of("jwtlib.token.ttl", ttl)), "http://localhost:9080"));
        }
    }

    @Test
    void fromWhenAudienceSetThenRequired() {
        assertEquals(Optional.of("orders"), TokenSettings.from(config(Map.of("jwtlib.audience", " orders ")), "http://localhost:9080").audience());
    }
}
