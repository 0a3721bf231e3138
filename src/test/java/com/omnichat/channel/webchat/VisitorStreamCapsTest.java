package com.omnichat.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.omnichat.base.ClusterBroadcaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every open stream or long poll holds a connection: one address (an IPv6 subscriber's whole
 * /64) may hold only so many, the node only so many in all; a closed one makes room again.
 */
class VisitorStreamCapsTest {

    final VisitorStreams streams =
            new VisitorStreams(mock(ClusterBroadcaster.class), mock(WebchatStore.class), new OpenStreams.Caps(3, 5));
    int visitors;

    @Test
    void anAddressGetsOnlyItsShareOfStreamsUntilOneCloses() {
        List<Runnable> open = open("203.0.113.5", 3);

        assertThat(tryOpen("203.0.113.5")).isEmpty();
        assertThat(tryOpen("203.0.113.6")).isPresent();

        open.getFirst().run();
        open.getFirst().run(); // closing twice frees one place, not two
        assertThat(streams.openFrom("203.0.113.5")).isEqualTo(2);
        assertThat(tryOpen("203.0.113.5")).isPresent();
        assertThat(tryOpen("203.0.113.5")).isEmpty();
    }

    @Test
    void allAddressesOfAnIpv6NetworkShareItsCap() {
        open("2001:db8:1:2::1", 1);
        open("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 1);
        open("2001:0db8:0001:0002:0:0:0:ffff", 1);

        assertThat(tryOpen("2001:db8:1:2::9")).isEmpty();
        assertThat(tryOpen("2001:db8:1:3::1")).isPresent();
    }

    @Test
    void theNodeHoldsOnlyItsTotal() {
        open("203.0.113.1", 3);
        open("203.0.113.2", 2);

        assertThat(tryOpen("203.0.113.3")).isEmpty();
    }

    @Test
    void aVisitorsOldestStreamPushedOutByHisNinthTabFreesItsPlace() {
        var big = new VisitorStreams(
                mock(ClusterBroadcaster.class), mock(WebchatStore.class), new OpenStreams.Caps(100, 100));
        var key = new VisitorStreams.VisitorKey(1, "many-tabs");
        List<VisitorStreamsRaceTest.Quiet> tabs = new ArrayList<>();
        List<Runnable> closes = new ArrayList<>();
        for (int i = 0; i <= VisitorStreams.MAX_PER_VISITOR; i++) {
            var tab = new VisitorStreamsRaceTest.Quiet();
            tabs.add(tab);
            closes.add(big.register(key, "203.0.113.9", tab).orElseThrow());
        }

        assertThat(tabs.getFirst().ended).isTrue();
        assertThat(big.openListeners(key)).isEqualTo(VisitorStreams.MAX_PER_VISITOR);
        assertThat(big.openFrom("203.0.113.9")).isEqualTo(VisitorStreams.MAX_PER_VISITOR);
        closes.getFirst().run(); // its own completion comes later: changes nothing
        assertThat(big.openFrom("203.0.113.9")).isEqualTo(VisitorStreams.MAX_PER_VISITOR);
    }

    private List<Runnable> open(String address, int count) {
        List<Runnable> open = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            open.add(tryOpen(address).orElseThrow());
        }
        return open;
    }

    private Optional<Runnable> tryOpen(String address) {
        return streams.register(
                new VisitorStreams.VisitorKey(1, "visitor-" + visitors++), address, new VisitorStreamsRaceTest.Quiet());
    }
}
