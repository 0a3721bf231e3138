package com.omnichat.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rate limits count an IPv4 address as one client and an IPv6 client by his /64. */
class ClientAddressTest {

    @Test
    void ipv6AddressesOfOneSlash64AreOneClient() {
        assertThat(ClientAddress.key("2001:db8:1:2::1"))
                .isEqualTo(ClientAddress.key("2001:db8:1:2:ffff:ffff:ffff:fffe"))
                .isEqualTo(ClientAddress.key("[2001:DB8:1:2:0:0:0:9]"));
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
    }

    @Test
    void ipv4AddressesAreKeyedWhole() {
        assertThat(ClientAddress.key("203.0.113.5")).isNotEqualTo(ClientAddress.key("203.0.113.6"));
        assertThat(ClientAddress.key("::ffff:203.0.113.5"))
                .as("an IPv4-mapped IPv6 address is the IPv4 address")
                .isEqualTo(ClientAddress.key("203.0.113.5"));
    }

    @Test
    void anythingElseIsKeptAsItIs() {
        assertThat(ClientAddress.key("unknown")).isEqualTo("other:unknown");
        assertThat(ClientAddress.key("not:an:address")).isNotEqualTo(ClientAddress.key("not:an:other"));
    }
}
