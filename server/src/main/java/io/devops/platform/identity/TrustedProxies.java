package io.devops.platform.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The load balancers whose forwarded headers are believed. A client can write any
 * {@code X-Forwarded-For} it likes, so the header only counts when the connection itself comes from
 * a listed proxy; and then the client is the nearest address in the chain that is not a proxy of
 * ours (everything left of it was written by whoever we do not trust). Empty: nobody is.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** From addresses and CIDR blocks ({@code 10.0.0.5}, {@code 10.1.0.0/16}, {@code fd00::/8}). */
    static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                ranges.add(Range.parse(entry.trim()));
            }
        }
        return new TrustedProxies(ranges);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(String address) {
        return literal(address).map(a -> ranges.stream().anyMatch(r -> r.contains(a))).orElse(false);
    }

    /**
     * The client behind {@code peer}: the peer itself unless it is a trusted proxy; then the right-most
     * address of the chain (the {@code Forwarded} header's {@code for=} values, else
     * {@code X-Forwarded-For}) that is not trusted, or the left-most when all are. A malformed entry
     * ends the walk: the last good address is the answer.
     */
    String clientOf(String peer, String forwarded, String xForwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> chain = forwarded != null && !forwarded.isBlank() ? forwardedFor(forwarded)
                : xForwardedFor != null ? List.of(xForwardedFor.split(",")) : List.of();
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(chain.get(i).trim());
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get().getHostAddress();
            if (!trusts(client)) {
                return client;
            }
        }
        return client;
    }

    /** The {@code for=} values of RFC 7239, with quotes, brackets and ports taken off. */
    private static List<String> forwardedFor(String header) {
        List<String> addresses = new ArrayList<>();
        for (String element : header.split(",")) {
            String node = null;
            for (String pair : element.split(";")) {
                String[] kv = pair.trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("for")) {
                    node = kv[1].trim().replace("\"", "");
                }
            }
            addresses.add(node == null ? "" : withoutPort(node));
        }
        return addresses;
    }

    private static String withoutPort(String node) {
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end < 0 ? "" : node.substring(1, end);
        }
        int colon = node.indexOf(':');
        return colon >= 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }

    /** Parses an IP literal only: never a host name, which would mean a DNS lookup per request. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address block; a bare address is a block of one. */
    private record Range(byte[] network, int bits) {

        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress address = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "devops.security.trusted-proxies: '" + text + "' is not an IP address or CIDR block"));
            int max = address.getAddress().length * 8;
            int bits = parts.length == 1 ? max : Integer.parseInt(parts[1].trim());
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("devops.security.trusted-proxies: '" + text
                        + "' has a prefix length outside 0.." + max);
            }
            return new Range(address.getAddress(), bits);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
