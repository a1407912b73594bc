package dev.jwtlib.mechanism;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class CorsTest {

    private static Cors cors(String origins) {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                origins == null ? Map.of() : Map.of(Cors.ALLOWED_ORIGINS, origins), "test", 100)).build();
        return Cors.from(config);
    }

    @Test
    void fromWhenNothingConfiguredThenOff() {
        assertFalse(cors(null).enabled());
        assertFalse(cors(null).allows("https://app.example.com"));
    }

    @Test
    void allowsWhenTheOriginIsListedThenExactlyThatOriginWhateverTheCaseOfTheHost() {
        Cors cors = cors("https://app.example.com, http://localhost:5173/");
        assertTrue(cors.allows("https://app.example.com"));
        assertTrue(cors.allows("https://APP.example.com"));
        assertTrue(cors.allows("http://localhost:5173"), "a trailing slash in the setting is forgiven");
        assertFalse(cors.allows("http://app.example.com"), "another scheme is another origin");
        assertFalse(cors.allows("https://app.example.com.evil.test"));
        assertFalse(cors.allows("null"));
        assertTrue(cors("*").allows("https://anything.test"));
    }

    @Test
    void fromWhenAnEntryIsNoOriginThenStartUpFailsNamingTheKey() {
        for (String bad : new String[] {"app.example.com", "https://app.example.com/path", "https://user@app.example.com",
                "ftp://app.example.com"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> cors(bad), bad);
            assertTrue(e.getMessage().contains(Cors.ALLOWED_ORIGINS), e.getMessage());
        }
    }
}
