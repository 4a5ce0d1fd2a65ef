package io.devops.platform.inventory;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A node's address, IPv4 or IPv6, in one canonical text form so that uniqueness holds
 * ({@code 0:0::1} and {@code ::1} are the same node). Parsing never resolves names.
 */
record IpAddress(String value) {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    static Optional<IpAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.trim();
        if (IPV4.matcher(candidate).matches()) {
            return Optional.of(new IpAddress(candidate));
        }
        if (candidate.indexOf(':') < 0 || !IPV6_CHARS.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            // A literal containing ':' is parsed, never looked up.
            InetAddress address = InetAddress.getByName(candidate);
            return address instanceof Inet6Address v6 ? Optional.of(new IpAddress(compress(v6))) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** RFC 5952 form: lower case, leading zeros dropped, the longest run of zero groups as "::". */
    private static String compress(Inet6Address address) {
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
