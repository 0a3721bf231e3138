package com.omnichat.channel.webchat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The key a client address is counted under. One IPv6 subscriber gets a whole /64 (and
 * picks a new address in it whenever he likes), so IPv6 addresses count per /64; IPv4
 * addresses (also when written IPv4-mapped) count one by one.
 */
final class ClientAddresses {

    private ClientAddresses() {
    }

    static String key(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // An IP literal: parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address v6) {
                return HexFormat.of().formatHex(v6.getAddress(), 0, 8) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException | SecurityException e) {
            return address;
        }
    }
}
