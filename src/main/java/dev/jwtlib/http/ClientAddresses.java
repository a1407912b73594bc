package dev.jwtlib.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The source address of a request: the peer's address, or, when the peer is a trusted proxy
 * ({@code jwtlib.trusted-proxies}), the address the proxies name in the one header they set
 * ({@code jwtlib.forwarded-header}: {@code X-Forwarded-For} or RFC 7239 {@code Forwarded}), read
 * from the right and skipping trusted proxies, so that a client cannot pick its own source by
 * sending the header itself.
 *
 * <p>Limits (rate limit, lockout, hashing) count a source by its {@linkplain #limitKey key}:
 * an IPv6 source by its /64 network, since one host or subscriber usually has a whole /64 to
 * pick addresses from.
 */
@ApplicationScoped
public class ClientAddresses {

    private List<AddressRange> trusted;
    private boolean forwarded;

    @Inject
    public ClientAddresses(HttpSettings settings) {
        this.trusted = settings.trustedProxies().stream().map(p -> AddressRange.parse(p).orElseThrow()).toList();
        this.forwarded = HttpSettings.FORWARDED.equals(settings.forwardedHeader());
    }

    /** For the CDI proxy only. */
    ClientAddresses() {
    }

    /** The source address of {@code request}, in the form {@link InetAddress#getHostAddress()} gives. */
    public String of(HttpServletRequest request) {
        List<String> header = trusted.isEmpty() ? List.of()
                : headers(request, forwarded ? HttpSettings.FORWARDED : HttpSettings.X_FORWARDED_FOR);
        return of(request.getRemoteAddr(), header);
    }

    /** The key under which limits count {@code request}'s source: {@link #limitKey(String)} of {@link #of}. */
    public String limitKey(HttpServletRequest request) {
        return limitKey(of(request));
    }

    /**
     * The key under which limits count a source address: an IPv4 address itself, an IPv6
     * address's /64 network ({@code 2001:db8:0:0:0:0:0:0/64}).
     */
    public static String limitKey(String address) {
        Optional<InetAddress> literal = AddressRange.literal(address);
        if (literal.isEmpty() || !(literal.get() instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = literal.get().getAddress();
        Arrays.fill(bytes, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    /** As {@link #of(HttpServletRequest)}, from the peer address and the values of the configured header. */
    String of(String peer, List<String> header) {
        Optional<InetAddress> remote = AddressRange.literal(peer);
        if (remote.isEmpty()) {
            return peer;
        }
        if (!isTrusted(remote.get())) {
            return remote.get().getHostAddress();
        }
        List<String> hops = forwarded ? forwardedFor(header) : split(header);
        InetAddress source = remote.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressRange.literal(hops.get(i));
            if (hop.isEmpty()) {
                break; // "unknown", an obfuscated name, garbage: the last trusted hop is all we know
            }
            source = hop.get();
            if (!isTrusted(source)) {
                break;
            }
        }
        return source.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    private static List<String> split(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String hop : value.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /** The {@code for=} nodes of RFC 7239 {@code Forwarded} elements, ports and quotes removed. */
    private static List<String> forwardedFor(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String element : split(values)) {
            for (String pair : element.split(";")) {
                String[] kv = pair.trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().toLowerCase(Locale.ROOT).equals("for")) {
                    hops.add(node(kv[1].trim()));
                }
            }
        }
        return hops;
    }

    private static String node(String value) {
        String node = value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                ? value.substring(1, value.length() - 1) : value;
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end > 0 ? node.substring(1, end) : node;
        }
        int colon = node.indexOf(':');
        return colon >= 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }
}
