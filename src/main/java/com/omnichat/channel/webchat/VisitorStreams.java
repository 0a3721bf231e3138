package com.omnichat.channel.webchat;

import com.omnichat.base.ClusterBroadcaster;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The visitors' open streams and long polls on this node. A new line for a visitor (his
 * message or a reply handed over by the outbound queue, on any node) is announced through
 * PostgreSQL NOTIFY at commit; every node hears it and pushes the lines after each of the
 * visitor's cursors to his open streams here. Nothing is lost when a visitor is offline:
 * the lines wait in the table and he catches up from his cursor when he returns.
 */
@Component
class VisitorStreams implements DisposableBean {

    static final int MAX_PER_VISITOR = 8;
    private static final Logger log = LoggerFactory.getLogger(VisitorStreams.class);

    /** One open stream or poll of a visitor. */
    interface Listener {

        /** The last line this listener has; only later lines are pushed. */
        long cursor();

        /** Pushes lines (possibly some it already has: it skips those). False when the listener is gone. */
        boolean push(List<WebchatStore.Line> lines);

        /** A heartbeat; false when the connection is gone. */
        boolean ping();

        /** Ends the stream or poll (the application is stopping): the widget reconnects elsewhere. */
        void end();
    }

    record VisitorKey(long channelId, String visitorId) {}

    private final ClusterBroadcaster broadcaster;
    private final WebchatStore store;
    private final OpenStreams open;
    private final ExecutorService pushers = Executors.newVirtualThreadPerTaskExecutor();
    private final Runnable unsubscribe;

    @Autowired
    VisitorStreams(ClusterBroadcaster broadcaster, WebchatStore store, WebchatProperties properties) {
        this(broadcaster, store, new OpenStreams.Caps(properties.streamsPerAddress(), properties.streamsTotal()));
    }

    VisitorStreams(ClusterBroadcaster broadcaster, WebchatStore store, OpenStreams.Caps caps) {
        this.broadcaster = broadcaster;
        this.store = store;
        this.open = new OpenStreams(caps, MAX_PER_VISITOR);
        this.unsubscribe = broadcaster.subscribe(VisitorLinesAdded.class, this::onBroadcast);
    }

    /** Tells every node, at commit of the current transaction, that the visitor has new lines. */
    void announce(long channelId, String visitorId) {
        broadcaster.publish(new VisitorLinesAdded(channelId, visitorId));
    }

    /**
     * Registers the listener and catches it up from its cursor (so nothing between reading and
     * listening is missed); returns what unregisters it, or nothing when the client address
     * or this node already has as many open streams as allowed.
     */
    Optional<Runnable> register(VisitorKey key, String address, Listener listener) {
        Optional<OpenStreams.Opened> opened = open.open(key, address, listener);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        opened.get().pushedOut().forEach(VisitorStreams::end);
        pushers.execute(() -> deliver(key, List.of(opened.get().entry())));
        return Optional.of(opened.get().entry()::close);
    }

    int openListeners(VisitorKey key) {
        return open.of(key).size();
    }

    int openFrom(String address) {
        return open.openFrom(address);
    }

    /** Runs on the broadcaster's thread: only hands the work off. */
    private void onBroadcast(VisitorLinesAdded event) {
        var key = new VisitorKey(event.channelId(), event.visitorId());
        List<OpenStreams.Entry> targets = open.of(key);
        if (!targets.isEmpty()) {
            pushers.execute(() -> deliver(key, targets));
        }
    }

    private void deliver(VisitorKey key, List<OpenStreams.Entry> targets) {
        try {
            long from =
                    targets.stream().mapToLong(e -> e.listener().cursor()).min().orElse(0);
            List<WebchatStore.Line> lines = store.after(key.channelId(), key.visitorId(), from, 200);
            for (OpenStreams.Entry target : targets) {
                if (!target.listener().push(lines)) {
                    target.close();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not push to visitor streams of channel {}: {}", key.channelId(), e.toString());
        }
    }

    /** Keeps idle streams open through proxies and finds connections that are gone. */
    @Scheduled(fixedDelayString = "${omnichat.webchat.heartbeat:20s}")
    void heartbeat() {
        open.forEach((key, entry) -> {
            if (!entry.listener().ping()) {
                entry.close();
            }
        });
    }

    /**
     * Before the web server's graceful shutdown waits for open requests: open streams and
     * polls end now (the widgets reconnect, to another node or after the restart).
     */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        open.clear().forEach(VisitorStreams::end);
    }

    private static void end(Listener listener) {
        try {
            listener.end();
        } catch (RuntimeException e) {
            // already gone
        }
    }

    @Override
    public void destroy() {
        unsubscribe.run();
        pushers.shutdownNow();
    }
}
