package com.omnichat.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Live events travel as JSON records; each listener hears only the type it subscribed to. */
class ClusterBroadcasterCodecTest {

    record Opened(long chatId, String who) {}

    record Closed(long chatId) {}

    final ClusterBroadcaster broadcaster = new ClusterBroadcaster(
            mock(JdbcClient.class),
            new DataSourceProperties(),
            JsonMapper.builder().build());

    @Test
    void aListenerHearsOnlyItsOwnEventType() {
        List<Opened> opened = new ArrayList<>();
        List<Closed> closed = new ArrayList<>();
        broadcaster.subscribe(Opened.class, opened::add);
        broadcaster.subscribe(Closed.class, closed::add);

        broadcaster.dispatch(broadcaster.encode(new Opened(7, "Olena | admin")));

        assertThat(opened).containsExactly(new Opened(7, "Olena | admin"));
        assertThat(closed).isEmpty();
    }

    @Test
    void anUnsubscribedListenerHearsNothingMore() {
        List<Closed> closed = new ArrayList<>();
        Runnable unsubscribe = broadcaster.subscribe(Closed.class, closed::add);
        unsubscribe.run();

        broadcaster.dispatch(broadcaster.encode(new Closed(1)));

        assertThat(closed).isEmpty();
    }

    @Test
    void somethingThatIsNotAnEventIsIgnored() {
        List<Closed> closed = new ArrayList<>();
        broadcaster.subscribe(Closed.class, closed::add);

        broadcaster.dispatch("webchat|1|visitor");
        broadcaster.dispatch("{\"type\":\"" + Closed.class.getName() + "\",\"event\":{\"chatId\":\"x\"}}");

        assertThat(closed).isEmpty();
    }

    @Test
    void anEventTooLargeForPostgresNotifyIsRefused() {
        assertThatThrownBy(() -> broadcaster.publish(new Opened(1, "x".repeat(8000))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
