package io.wagate.webhook.ssrf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Whether an address is one that webhooks must never reach (internal networks, the host itself, metadata). */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    public static boolean forbidden(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return forbiddenV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return forbiddenV6(bytes);
        }
        return true;
    }

    private static boolean forbiddenV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0                                    // "this network", 0.0.0.0
                || first == 10                               // private
                || first == 127                              // loopback
                || (first == 100 && second >= 64 && second <= 127) // shared address space (CGNAT)
                || (first == 169 && second == 254)           // link-local, including 169.254.169.254 metadata
                || (first == 172 && second >= 16 && second <= 31)  // private
                || (first == 192 && second == 168)           // private
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19))    // benchmarking
                || first >= 224;                             // multicast, reserved, broadcast
    }

    private static boolean forbiddenV6(byte[] b) {
        if (isPrefixZero(b, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return forbiddenV4(tail(b));                     // IPv4-mapped ::ffff:a.b.c.d
        }
        if (isPrefixZero(b, 12)) {
            return true;                                     // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return forbiddenV4(tail(b));                     // NAT64 64:ff9b::/96 reaches the embedded IPv4 address
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return forbiddenV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 2002::/16 embeds an IPv4 address
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return (first & 0xfe) == 0xfc                        // unique local fc00::/7
                || (first == 0xfe && (second & 0xc0) == 0x80) // link-local fe80::/10
                || (first == 0xfe && (second & 0xc0) == 0xc0) // deprecated site-local fec0::/10
                || first == 0xff;                            // multicast
    }

    private static boolean isPrefixZero(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] b) {
        return new byte[] {b[12], b[13], b[14], b[15]};
    }

    /** Parses an IP literal without any DNS lookup; for tests and configuration. */
    public static InetAddress literal(String ip) {
        try {
            return InetAddress.ofLiteral(ip);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an IP literal: " + ip, e);
        }
    }
}
