package com.omnichat.base;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The key a client address is limited by. An IPv4 address is one client; an IPv6 client
 * usually owns a whole /64 and picks addresses from it at will, so IPv6 is keyed on its
 * first 64 bits (an IPv4-mapped IPv6 address counts as the IPv4 address).
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]+(%[\\w.-]+)?]?");

    private ClientAddress() {}

    public static String key(String address) {
        String a = address.strip();
        // Only literals are parsed: a host name must never cause a DNS lookup here.
        if (a.indexOf(':') >= 0 && IPV6.matcher(a).matches()) {
            try {
                InetAddress parsed = InetAddress.getByName(a.startsWith("[") ? a.substring(1, a.length() - 1) : a);
                if (parsed instanceof Inet6Address) {
                    byte[] bytes = parsed.getAddress();
                    return "v6:" + HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
                return "v4:" + parsed.getHostAddress();
            } catch (UnknownHostException | IllegalArgumentException e) {
                return "other:" + a;
            }
        }
        if (IPV4.matcher(a).matches()) {
            return "v4:" + a;
        }
        return "other:" + a;
    }
}
