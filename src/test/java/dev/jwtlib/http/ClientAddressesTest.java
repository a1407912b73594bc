package dev.jwtlib.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static ClientAddresses trusting(String... proxies) {
        return new ClientAddresses(new HttpSettings(300, List.of(proxies)));
    }

    @Test
    void ofWhenThePeerIsNotATrustedProxyThenThePeerWhateverTheHeadersSay() {
        ClientAddresses addresses = trusting("10.0.0.0/8");
        assertEquals("203.0.113.5", addresses.of("203.0.113.5", List.of("for=198.51.100.1"), List.of("198.51.100.1")));
        assertEquals("203.0.113.5", trusting().of("203.0.113.5", List.of(), List.of("198.51.100.1")));
    }

    @Test
    void ofWhenBehindTrustedProxiesThenTheRightmostUntrustedHop() {
        ClientAddresses addresses = trusting("10.0.0.0/8", "::1");
        assertEquals("198.51.100.1", addresses.of("10.0.0.2", List.of(), List.of("6.6.6.6, 198.51.100.1, 10.0.0.9")),
                "a client-supplied first entry (6.6.6.6) does not count");
        assertEquals("198.51.100.1", addresses.of("0:0:0:0:0:0:0:1", List.of(), List.of("198.51.100.1")));
        assertEquals("10.0.0.7", addresses.of("10.0.0.2", List.of(), List.of("10.0.0.7")), "all trusted: the farthest");
        assertEquals("10.0.0.2", addresses.of("10.0.0.2", List.of(), List.of()), "no header: the proxy itself");
        assertEquals("10.0.0.2", addresses.of("10.0.0.2", List.of(), List.of("garbage")), "unusable: the last trusted hop");
    }

    @Test
    void ofWhenForwardedThenItsForNodesWithPortsAndQuotesRemoved() {
        ClientAddresses addresses = trusting("10.0.0.0/8");
        assertEquals("198.51.100.1", addresses.of("10.0.0.2",
                List.of("for=\"198.51.100.1:4711\";proto=https, for=10.0.0.3"), List.of("6.6.6.6")));
        assertEquals("2001:db8:0:0:0:0:0:1", addresses.of("10.0.0.2", List.of("For=\"[2001:db8::1]:443\""), List.of()));
    }

    @Test
    void addressRangeWhenCidrThenMatchesByPrefix() {
        AddressRange range = AddressRange.parse("192.168.0.0/16").orElseThrow();
        assertTrue(range.contains(AddressRange.literal("192.168.200.1").orElseThrow()));
        assertTrue(!range.contains(AddressRange.literal("192.169.0.1").orElseThrow()));
        assertTrue(AddressRange.parse("example.com").isEmpty(), "names are never resolved");
        assertTrue(AddressRange.parse("10.0.0.0/33").isEmpty());
    }

    @Test
    void settingsWhenATrustedProxyIsNotAnAddressThenStartUpFailsNamingTheKey() {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of(HttpSettings.TRUSTED_PROXIES, "10.0.0.1, proxy.internal"), "test", 500)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HttpSettings.from(config));
        assertTrue(e.getMessage().contains(HttpSettings.TRUSTED_PROXIES), e.getMessage());
    }
}
