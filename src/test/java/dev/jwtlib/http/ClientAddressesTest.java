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
        return new ClientAddresses(new HttpSettings(300, List.of(proxies), HttpSettings.X_FORWARDED_FOR));
    }

    private static ClientAddresses trustingForwarded(String... proxies) {
        return new ClientAddresses(new HttpSettings(300, List.of(proxies), HttpSettings.FORWARDED));
    }

    @Test
    void ofWhenThePeerIsNotATrustedProxyThenThePeerWhateverTheHeadersSay() {
        ClientAddresses addresses = trusting("10.0.0.0/8");
        assertEquals("203.0.113.5", addresses.of("203.0.113.5", List.of("198.51.100.1")));
        assertEquals("203.0.113.5", trusting().of("203.0.113.5", List.of("198.51.100.1")));
    }

    @Test
    void ofWhenBehindTrustedProxiesThenTheRightmostUntrustedHop() {
        ClientAddresses addresses = trusting("10.0.0.0/8", "::1");
        assertEquals("198.51.100.1", addresses.of("10.0.0.2", List.of("6.6.6.6, 198.51.100.1, 10.0.0.9")),
                "what the client wrote in front is not believed");
        assertEquals("198.51.100.1", addresses.of("0:0:0:0:0:0:0:1", List.of("198.51.100.1")));
        assertEquals("10.0.0.7", addresses.of("10.0.0.2", List.of("10.0.0.7")), "all trusted: the farthest");
        assertEquals("10.0.0.2", addresses.of("10.0.0.2", List.of()), "no header: the proxy itself");
        assertEquals("10.0.0.2", addresses.of("10.0.0.2", List.of("garbage")), "unusable: the last trusted hop");
    }

    @Test
    void ofWhenForwardedIsTheConfiguredHeaderThenItsForNodesWithPortsAndQuotesRemoved() {
        ClientAddresses addresses = trustingForwarded("10.0.0.0/8");
        assertEquals("198.51.100.1", addresses.of("10.0.0.2", List.of("for=\"198.51.100.1:4711\";proto=https, for=10.0.0.3")));
        assertEquals("2001:db8:0:0:0:0:0:1", addresses.of("10.0.0.2", List.of("For=\"[2001:db8::1]:443\"")));
    }

    @Test
    void ofWhenTheClientSendsTheOtherHeaderThenItIsNeverRead() {
        // a proxy that sets X-Forwarded-For passes a client's own Forwarded on as it came
        assertEquals("198.51.100.1", trusting("10.0.0.0/8").of("10.0.0.2", List.of("198.51.100.1")));
        assertEquals("10.0.0.2", trustingForwarded("10.0.0.0/8").of("10.0.0.2", List.of("198.51.100.1")),
                "X-Forwarded-For values are no Forwarded elements");
    }

    @Test
    void literalWhenAnythingButAnIpLiteralThenNothingAndNoLookup() {
        for (String text : List.of("example.com", "beef.cafe", "dead.beef.cafe.babe", "1.2", "1.2.3", "256.1.1.1",
                "01.2.3.4", "1.2.3.4.5", ".::1", "localhost", "", "unknown", "_hidden", "::g")) {
            assertTrue(AddressRange.literal(text).isEmpty(), text);
        }
        assertEquals("192.0.2.1", AddressRange.literal("192.0.2.1").orElseThrow().getHostAddress());
        assertEquals("0:0:0:0:0:0:0:1", AddressRange.literal("[::1]").orElseThrow().getHostAddress());
        assertEquals("fe80:0:0:0:0:0:0:1", AddressRange.literal("fe80::1%eth0").orElseThrow().getHostAddress(),
                "a zone is dropped, not looked up");
        assertEquals("192.0.2.1", AddressRange.literal("::ffff:192.0.2.1").orElseThrow().getHostAddress());
    }

    @Test
    void limitKeyWhenIpv6ThenItsSlash64AndWhenIpv4ThenTheAddress() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddresses.limitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals(ClientAddresses.limitKey("2001:db8:1:2::1"), ClientAddresses.limitKey("2001:db8:1:2::ffff"),
                "one subscriber's /64 is one source");
        assertEquals("203.0.113.5", ClientAddresses.limitKey("203.0.113.5"));
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

    @Test
    void settingsWhenTheForwardedHeaderIsNeitherThenStartUpFailsNamingTheKey() {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of(HttpSettings.FORWARDED_HEADER, "X-Real-IP"), "test", 500)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HttpSettings.from(config));
        assertTrue(e.getMessage().contains(HttpSettings.FORWARDED_HEADER), e.getMessage());
        Config forwarded = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of(HttpSettings.FORWARDED_HEADER, "forwarded"), "test", 500)).build();
        assertEquals(HttpSettings.FORWARDED, HttpSettings.from(forwarded).forwardedHeader());
    }
}
