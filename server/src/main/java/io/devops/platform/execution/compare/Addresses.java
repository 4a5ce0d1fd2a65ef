package io.devops.platform.execution.compare;

import java.util.Comparator;

/** IPv4 addresses in numeric order (10.0.0.9 before 10.0.0.10); anything else after them, as text. */
final class Addresses {

    static final Comparator<String> ORDER = Comparator.comparingLong(Addresses::numeric).thenComparing(Comparator.naturalOrder());

    private Addresses() {
    }

    private static long numeric(String ip) {
        String[] parts = ip == null ? new String[0] : ip.split("\\.");
        if (parts.length != 4) {
            return Long.MAX_VALUE;
        }
        long value = 0;
        for (String part : parts) {
            try {
                value = value * 256 + Integer.parseInt(part);
            } catch (NumberFormatException notIpv4) {
                return Long.MAX_VALUE;
            }
        }
        return value;
    }
}
