package com.omnichat.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.omnichat.base.ClusterBroadcaster;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A visitor's stream reconnects while the old one is being removed (the widget opens the
 * new stream the moment the old one ends). The new stream must stay registered, or the
 * replies of that visit would only arrive after the next reconnect.
 */
class VisitorStreamsRaceTest {

    static final int ROUNDS = 100_000;
    static final String ADDRESS = "198.51.100.7";

    // Nothing to push (no lines) and no other nodes: only the registry of open streams is at work.
    final VisitorStreams streams = new VisitorStreams(
            mock(ClusterBroadcaster.class), mock(WebchatStore.class), new OpenStreams.Caps(100, 100));

    @Test
    void aStreamRegisteredWhileAnotherOneIsRemovedStaysRegistered() throws Exception {
        var key = new VisitorStreams.VisitorKey(-1, "race");
        var lost = new AtomicInteger();
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        // One tab's stream keeps ending and reconnecting...
        Thread other = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                streams.register(key, ADDRESS, new Quiet()).orElseThrow().run();
            }
        });
        // ...while another tab reconnects: each new stream must be among the open ones (the heartbeat reaches it).
        try {
            for (int i = 0; i < ROUNDS; i++) {
                var fresh = new Quiet();
                Runnable remove = streams.register(key, ADDRESS, fresh).orElseThrow();
                streams.heartbeat();
                if (!fresh.pinged) {
                    lost.incrementAndGet();
                }
                remove.run();
            }
        } finally {
            done.set(true);
            other.join();
        }

        assertThat(lost).as("new streams lost to another one's removal").hasValue(0);
    }

    /** A stream that has everything and stays open. */
    static final class Quiet implements VisitorStreams.Listener {

        volatile boolean pinged;
        volatile boolean ended;

        @Override
        public long cursor() {
            return Long.MAX_VALUE;
        }

        @Override
        public boolean push(List<WebchatStore.Line> lines) {
            return true;
        }

        @Override
        public boolean ping() {
            pinged = true;
            return true;
        }

        @Override
        public void end() {
            ended = true;
        }
    }
}
