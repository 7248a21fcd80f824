package org.statelessmcp.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request comes from, for callers who are not authenticated. {@code X-Forwarded-For} is believed only
 * when the connection comes from a configured trusted proxy, and then only up to the first hop that is not itself a
 * trusted proxy: the rightmost untrusted address is the client, whatever a client writes to the left of it.
 */
public final class ClientAddress {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+(/\\d{1,3})?");

    /** An address range: a literal address and how many leading bits must match. */
    private record Range(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((address[whole] ^ network[whole]) & (0xFF << (8 - rest)) & 0xFF) == 0;
        }
    }

    private final List<Range> trusted;

    private ClientAddress(List<Range> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /**
     * @param proxies comma-separated addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}); blank for none
     * @throws IllegalArgumentException for anything but an address literal or range: host names are never looked up
     */
    public static ClientAddress trusting(String proxies) {
        List<Range> ranges = new ArrayList<>();
        for (String item : proxies == null ? new String[0] : proxies.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] address = LITERAL.matcher(entry).matches()
                    ? parse(slash < 0 ? entry : entry.substring(0, slash)) : null;
            if (address == null) {
                throw new IllegalArgumentException("smcp.trusted-proxies: '" + entry
                        + "' is not an IP address or CIDR range");
            }
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (bits > address.length * 8) {
                throw new IllegalArgumentException("smcp.trusted-proxies: '" + entry + "' has too many prefix bits");
            }
            ranges.add(new Range(address, bits));
        }
        return new ClientAddress(ranges);
    }

    /** Whether any proxy is trusted. */
    public boolean trustsAny() {
        return !trusted.isEmpty();
    }

    /**
     * The client's address.
     *
     * @param remoteAddress the connection's peer
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     */
    public String resolve(String remoteAddress, List<String> forwardedFor) {
        if (!isTrusted(remoteAddress) || forwardedFor.isEmpty()) {
            return remoteAddress;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        Collections.reverse(hops);
        String client = remoteAddress;
        for (String hop : hops) {
            if (parse(hop) == null) {
                // a malformed hop was not written by a proxy we trust: stop at the last address we can vouch for
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = parse(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    /** The bytes of an address literal, or {@code null}; never a DNS lookup. */
    private static byte[] parse(String literal) {
        if (literal == null || literal.isEmpty() || !LITERAL.matcher(literal).matches() || literal.contains("/")) {
            return null;
        }
        boolean v4 = literal.indexOf(':') < 0;
        if (v4 && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            // a literal is never resolved: getByName only parses it
            return InetAddress.getByName(v4 || literal.startsWith("[") ? literal : "[" + literal + "]").getAddress();
        } catch (UnknownHostException | SecurityException malformed) {
            return null;
        }
    }
}
