package dev.jwtlib.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtlib.mechanism.Mode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class RemoteSettingsTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void fromWhenOnlyBaseUrlThenEndpointsDerivedAndDefaults() {
        RemoteSettings settings = RemoteSettings.from(config(Map.of("jwtlib.auth-service.url", "https://auth.example.com/")));
        assertEquals(URI.create("https://auth.example.com/.well-known/jwks.json"), settings.jwksUrl());
        assertEquals(URI.create("https://auth.example.com/api/auth/introspect"), settings.introspectionUrl());
        assertEquals(Duration.ofSeconds(5), settings.activeCacheTtl());
        assertEquals(Duration.ofSeconds(30), settings.jwksMinRefresh());
        assertEquals(Duration.ofSeconds(5), settings.timeout());
    }

    @Test
    void fromWhenNoUrlThenStartupFailsNamingTheKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RemoteSettings.from(config(Map.of())));
        assertTrue(e.getMessage().contains("jwtlib.auth-service.url"), e.getMessage());
    }

    @Test
    void fromWhenUrlNotHttpThenStartupFails() {
        for (String url : new String[] {"ftp://auth", "auth.example.com", "file:///etc/passwd", "http://"}) {
            assertThrows(IllegalStateException.class,
                    () -> RemoteSettings.from(config(Map.of("jwtlib.auth-service.url", url))), url);
        }
    }

    @Test
    void clientCredentialsWhenMissingThenMessageNamesTheKey() {
        RemoteSettings settings = RemoteSettings.from(config(Map.of("jwtlib.auth-service.url", "http://localhost:9080")));
        IllegalStateException e = assertThrows(IllegalStateException.class, settings::clientIdOrFail);
        assertTrue(e.getMessage().contains("jwtlib.introspection.client-id"), e.getMessage());
    }

    @Test
    void modeWhenParsedThenCaseInsensitiveAndUnknownRefused() {
        assertEquals(Mode.ISSUER, Mode.from(config(Map.of())));
        assertEquals(Mode.JWKS, Mode.from(config(Map.of("jwtlib.mode", "JWKS"))));
        assertEquals(Mode.INTROSPECT, Mode.from(config(Map.of("jwtlib.mode", "introspect"))));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Mode.from(config(Map.of("jwtlib.mode", "trust-me"))));
        assertTrue(e.getMessage().contains("jwtlib.mode"), e.getMessage());
    }
}
