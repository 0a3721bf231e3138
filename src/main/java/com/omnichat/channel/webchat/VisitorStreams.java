package com.omnichat.channel.webchat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.omnichat.base.ClusterBroadcaster;

/**
 * The visitors' open streams and long polls on this node. A new line for a visitor (his
 * message or a reply handed over by the outbound queue, on any node) is announced through
 * PostgreSQL NOTIFY at commit; every node hears it and pushes the lines after each of the
 * visitor's cursors to his open streams here. Nothing is lost when a visitor is offline:
 * the lines wait in the table and he catches up from his cursor when he returns.
 */
@Component
class VisitorStreams implements DisposableBean {

    static final String PREFIX = "webchat|";
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

    record VisitorKey(long channelId, String visitorId) {
    }

    private final ClusterBroadcaster broadcaster;
    private final WebchatStore store;
    private final Map<VisitorKey, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService pushers = Executors.newVirtualThreadPerTaskExecutor();
    private final Runnable unsubscribe;

    VisitorStreams(ClusterBroadcaster broadcaster, WebchatStore store) {
        this.broadcaster = broadcaster;
        this.store = store;
        this.unsubscribe = broadcaster.subscribe(this::onBroadcast);
    }

    /** Tells every node, at commit of the current transaction, that the visitor has new lines. */
    void announce(long channelId, String visitorId) {
        broadcaster.publish(PREFIX + channelId + "|" + visitorId);
    }

    /** Registers the listener and catches it up from its cursor (so nothing between reading and listening is missed). */
    Runnable register(VisitorKey key, Listener listener) {
        List<Listener> open = listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        open.add(listener);
        // A visitor has a few tabs open, not hundreds: beyond that the oldest streams end.
        while (open.size() > MAX_PER_VISITOR) {
            Listener oldest = open.removeFirst();
            try {
                oldest.end();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        pushers.execute(() -> deliver(key, List.of(listener)));
        return () -> remove(key, listener);
    }

    int openListeners(VisitorKey key) {
        return listeners.getOrDefault(key, List.of()).size();
    }

    private void remove(VisitorKey key, Listener listener) {
        listeners.computeIfPresent(key, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Runs on the broadcaster's thread: only hands the work off. */
    private void onBroadcast(String payload) {
        if (!payload.startsWith(PREFIX)) {
            return;
        }
        String[] parts = payload.split("\\|", 3);
        if (parts.length != 3) {
            return;
        }
        VisitorKey key;
        try {
            key = new VisitorKey(Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            return;
        }
        List<Listener> open = listeners.get(key);
        if (open != null && !open.isEmpty()) {
            pushers.execute(() -> deliver(key, List.copyOf(open)));
        }
    }

    private void deliver(VisitorKey key, List<Listener> targets) {
        try {
            long from = targets.stream().mapToLong(Listener::cursor).min().orElse(0);
            List<WebchatStore.Line> lines = store.after(key.channelId(), key.visitorId(), from, 200);
            for (Listener listener : targets) {
                if (!listener.push(lines)) {
                    remove(key, listener);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not push to visitor streams of channel {}: {}", key.channelId(), e.toString());
        }
    }

    /** Keeps idle streams open through proxies and finds connections that are gone. */
    @Scheduled(fixedDelayString = "${omnichat.webchat.heartbeat:20s}")
    void heartbeat() {
        listeners.forEach((key, list) -> list.forEach(listener -> {
            if (!listener.ping()) {
                remove(key, listener);
            }
        }));
    }

    /**
     * Before the web server's graceful shutdown waits for open requests: open streams and
     * polls end now (the widgets reconnect, to another node or after the restart).
     */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        listeners.values().forEach(list -> list.forEach(listener -> {
            try {
                listener.end();
            } catch (RuntimeException e) {
                // already gone
            }
        }));
        listeners.clear();
    }

    @Override
    public void destroy() {
        unsubscribe.run();
        pushers.shutdownNow();
    }
}
