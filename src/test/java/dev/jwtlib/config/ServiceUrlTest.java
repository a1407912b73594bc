package dev.jwtlib.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ServiceUrlTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void localWhenLibertysPortIsConfiguredThenThatPortElse9080() {
        assertEquals("http://localhost:19080", ServiceUrl.local(config(Map.of("jwtlib.http.port", "19080"))));
        assertEquals("http://localhost:9080", ServiceUrl.local(config(Map.of())));
    }

    @Test
    void checkWhenAnAbsoluteHttpUrlThenFineAndElseStartUpFailsNamingTheKey() {
        for (String ok : new String[] {"http://localhost:9080", "https://auth.example.com", "https://example.com/auth"}) {
            assertDoesNotThrow(() -> ServiceUrl.check("jwtlib.issuer", ok), ok);
        }
        for (String bad : new String[] {"jwtlib", "/auth", "ftp://example.com", "https://example.com/?a=b",
                "https://example.com/#x", "https://"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServiceUrl.check("jwtlib.issuer", bad), bad);
            assertTrue(e.getMessage().contains("jwtlib.issuer"), e.getMessage());
        }
    }
}
