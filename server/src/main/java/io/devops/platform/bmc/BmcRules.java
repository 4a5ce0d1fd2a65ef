package io.devops.platform.bmc;

import io.devops.platform.shared.InvalidInputException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The input rules for a BMC. The address goes to ipmitool's {@code -H}: an IP address or a DNS name,
 * never something that starts like an option.
 */
final class BmcRules {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern ALL_DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    private BmcRules() {
    }

    static String address(String address) {
        if (address == null || !(IPV4.matcher(address).matches() || isIpv6(address) || isHostname(address))) {
            throw new InvalidInputException("address", "must be an IP address or a host name");
        }
        return address;
    }

    static int port(Integer port) {
        if (port == null) {
            return 623;
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("port", "must be between 1 and 65535");
        }
        return port;
    }

    static long credentialId(Long credentialId) {
        if (credentialId == null) {
            throw new InvalidInputException("credentialId", "is required: a PASSWORD credential with the BMC's user name and password");
        }
        return credentialId;
    }

    static BmcProtocol protocol(String protocol) {
        if (protocol == null || protocol.equals(BmcProtocol.IPMI.name())) {
            return BmcProtocol.IPMI;
        }
        throw new InvalidInputException("protocol", "must be IPMI");
    }

    private static boolean isIpv6(String address) {
        if (address.indexOf(':') < 0 || !IPV6.matcher(address).matches()) {
            return false;
        }
        try {
            // A text with ':' is parsed as an IPv6 literal, never looked up in DNS.
            return InetAddress.getByName(address) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isHostname(String address) {
        return HOSTNAME.matcher(address).matches() && !ALL_DIGITS_AND_DOTS.matcher(address).matches();
    }
}
