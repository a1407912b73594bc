package dev.jwtlib.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IP address or a CIDR range ({@code 10.0.0.0/8}, {@code ::1}), without name lookups. */
record AddressRange(byte[] network, int prefix) {

    /**
     * Literal IPv4 or IPv6 addresses only, never anything the JDK would look up as a host name
     * (a DNS query for every request): a dotted quad, or text with a colon that starts as an
     * IPv6 literal does (the JDK then parses it and never resolves it).
     */
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

    static Optional<AddressRange> parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        Optional<InetAddress> address = literal(parts[0]);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        int prefix = bytes.length * 8;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                return Optional.empty();
            }
        }
        return Optional.of(new AddressRange(bytes, prefix));
    }

    /**
     * The address of an IP literal, or empty for anything else (names are not resolved). An
     * IPv6 zone ({@code %eth0}) is dropped: it names a link of this host, not a source.
     */
    static Optional<InetAddress> literal(String text) {
        String value = text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        int zone = value.indexOf('%');
        if (zone >= 0 && value.contains(":")) {
            value = value.substring(0, zone);
        }
        boolean ipv4 = IPV4.matcher(value).matches();
        if (!ipv4 && !(value.contains(":") && IPV6.matcher(value).matches())) {
            return Optional.empty();
        }
        try {
            // an address from its bytes carries no zone and no host name
            return Optional.of(InetAddress.getByAddress(InetAddress.getByName(value).getAddress()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }
}
