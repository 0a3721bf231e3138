package com.omnichat.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.IntegrationTest;
import com.omnichat.base.ClusterRateLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The site widget's allowances hold across nodes (two instances on one database stand in for
 * two nodes), per address (an IPv6 client by his /64), per visitor and per channel.
 */
@IntegrationTest
class WidgetRateLimitsTest {

    @Autowired
    ClusterRateLimits buckets;

    private WidgetRateLimits node(
            int requestsPerAddress,
            int sessionsPerAddress,
            int messagesPerVisitor,
            int visitorsPerChannel,
            int messagesPerChannel) {
        return new WidgetRateLimits(
                buckets,
                new WidgetRateLimits.Limits(
                        requestsPerAddress,
                        sessionsPerAddress,
                        messagesPerVisitor,
                        visitorsPerChannel,
                        messagesPerChannel));
    }

    @Test
    void twoNodesShareTheAddressAllowance() {
        WidgetRateLimits nodeA = node(3, 100, 100, 100, 100);
        WidgetRateLimits nodeB = node(3, 100, 100, 100, 100);

        assertThat(nodeA.request("198.51.100.7").allowed()).isTrue();
        assertThat(nodeB.request("198.51.100.7").allowed()).isTrue();
        assertThat(nodeA.request("198.51.100.7").allowed()).isTrue();

        WidgetRateLimits.Verdict refused = nodeB.request("198.51.100.7");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter().toSeconds()).as("Retry-After").isPositive();
        assertThat(nodeB.request("198.51.100.8").allowed())
                .as("another IPv4 address")
                .isTrue();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        WidgetRateLimits limits = node(2, 100, 100, 100, 100);

        assertThat(limits.request("2001:db8:aa:1::1").allowed()).isTrue();
        assertThat(limits.request("2001:db8:aa:1:dead:beef:0:2").allowed()).isTrue();

        assertThat(limits.request("2001:db8:aa:1:ffff::3").allowed())
                .as("a new address from the same /64 is the same client")
                .isFalse();
        assertThat(limits.request("2001:db8:aa:2::1").allowed())
                .as("the next /64 is another client")
                .isTrue();
    }

    @Test
    void aChannelTakesOnlySoManyNewVisitorsAMinuteWhateverTheirAddresses() {
        WidgetRateLimits limits = node(100, 100, 100, 3, 100);

        for (int i = 1; i <= 3; i++) {
            assertThat(limits.newSession(41, "203.0.113." + i).allowed()).isTrue();
        }

        WidgetRateLimits.Verdict refused = limits.newSession(41, "203.0.113.200");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter().toSeconds()).isPositive();
        assertThat(limits.newSession(42, "203.0.113.200").allowed())
                .as("another channel")
                .isTrue();
    }

    @Test
    void anAddressStartsOnlySoManyNewVisitorsAnHourOnAnyChannel() {
        WidgetRateLimits limits = node(100, 2, 100, 100, 100);

        assertThat(limits.newSession(41, "203.0.113.9").allowed()).isTrue();
        assertThat(limits.newSession(42, "203.0.113.9").allowed())
                .as("on another channel too")
                .isTrue();

        WidgetRateLimits.Verdict refused = limits.newSession(43, "203.0.113.9");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter())
                .as("an hourly allowance: not back within a minute")
                .isGreaterThan(java.time.Duration.ofMinutes(1));
        assertThat(limits.newSession(41, "203.0.113.10").allowed())
                .as("another address")
                .isTrue();
    }

    @Test
    void aChannelTakesOnlySoManyMessagesAMinuteWhateverTheVisitors() {
        WidgetRateLimits limits = node(100, 100, 100, 100, 4);

        for (int i = 1; i <= 4; i++) {
            assertThat(limits.message(51, "visitor-" + i).allowed()).isTrue();
        }

        assertThat(limits.message(51, "visitor-99").allowed()).isFalse();
        assertThat(limits.message(52, "visitor-99").allowed())
                .as("another channel")
                .isTrue();
    }

    @Test
    void aVisitorStillHasHisOwnAllowance() {
        WidgetRateLimits limits = node(100, 100, 2, 100, 100);

        assertThat(limits.message(61, "chatty").allowed()).isTrue();
        assertThat(limits.message(61, "chatty").allowed()).isTrue();

        assertThat(limits.message(61, "chatty").allowed()).isFalse();
        assertThat(limits.message(61, "calm").allowed()).isTrue();
    }
}
