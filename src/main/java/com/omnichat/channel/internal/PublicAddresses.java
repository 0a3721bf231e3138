package com.omnichat.channel.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Which IP addresses a provider's media may be fetched from: public unicast ones only. A
 * media URL comes from a webhook body, so without this rule anyone who can make a provider
 * (or a forged request) hand us a URL could make the server fetch from its own network (SSRF):
 * loopback, private ranges, link-local (cloud metadata at 169.254.169.254), unique-local,
 * multicast and reserved ranges are refused, also when hidden in an IPv6 form (IPv4-mapped,
 * IPv4-compatible, NAT64, 6to4).
 */
public final class PublicAddresses {

    private PublicAddresses() {}

    /** Why the address is not fetched from, or null when it is a public unicast address. */
    public static @Nullable String refusal(InetAddress address, boolean allowLoopback) {
        String kind = kind(address);
        if (kind == null || (allowLoopback && "loopback".equals(kind))) {
            return null;
        }
        return kind;
    }

    /** The kind of a non-public address ("loopback", "private", ...), or null for a public one. */
    static @Nullable String kind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return kind4(b);
        }
        if (address instanceof Inet6Address) {
            return kind6(b);
        }
        return "unknown";
    }

    private static @Nullable String kind4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 127) {
            return "loopback";
        }
        if (a0 == 0) {
            return "unspecified";
        }
        if (a0 == 10
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 100 && a1 >= 64 && a1 <= 127)) {
            return "private";
        }
        if (a0 == 169 && a1 == 254) {
            return "link-local";
        }
        if (a0 >= 224 && a0 <= 239) {
            return "multicast";
        }
        if (a0 >= 240
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                || (a0 == 198 && (a1 == 18 || a1 == 19))
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return "reserved";
        }
        return null;
    }

    private static @Nullable String kind6(byte[] b) {
        if (allZero(b, 0, 12)) {
            if (allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1)) {
                return b[15] == 0 ? "unspecified" : "loopback";
            }
            // ::a.b.c.d, IPv4-compatible (deprecated, still routable by some stacks)
            return kind4(tail4(b, 12));
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            // ::ffff:a.b.c.d, IPv4-mapped
            return kind4(tail4(b, 12));
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (w0 == 0x0064 && w1 == 0xff9b && allZero(b, 4, 12)) {
            // 64:ff9b::a.b.c.d, NAT64
            return kind4(tail4(b, 12));
        }
        if (w0 == 0x2002) {
            // 2002:aabb:ccdd::/48, 6to4 carries an IPv4 address
            return kind4(tail4(b, 2));
        }
        if ((w0 & 0xfe00) == 0xfc00) {
            return "unique-local";
        }
        if ((w0 & 0xffc0) == 0xfe80 || (w0 & 0xffc0) == 0xfec0) {
            return "link-local";
        }
        if ((w0 & 0xff00) == 0xff00) {
            return "multicast";
        }
        if ((w0 == 0x2001 && w1 == 0x0db8) || (w0 == 0x2001 && w1 == 0x0000) || (w0 == 0x0100 && allZero(b, 2, 8))) {
            // documentation, Teredo (tunnels to any IPv4 address), discard-only
            return "reserved";
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail4(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }

    /** Resolves host names to all their addresses (replaced in tests). */
    @FunctionalInterface
    public interface Resolver {

        InetAddress[] resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = InetAddress::getAllByName;
    }
}
