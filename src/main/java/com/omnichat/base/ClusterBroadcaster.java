package com.omnichat.base;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates across application nodes through PostgreSQL LISTEN/NOTIFY. A notification
 * sent inside a transaction is delivered only when it commits, so listeners never see
 * work that was rolled back. Every node, the sender's included, gets each notification
 * through the same path.
 * <p>
 * An event is a small record, sent as JSON with its type's name
 * ({@code {"type":"com.omnichat.chat.ChatEvent","event":{...}}}); a listener subscribes to one
 * record type and gets only those, already read.
 */
@Component
public class ClusterBroadcaster implements SmartLifecycle {

    static final String CHANNEL = "omnichat_events";
    /** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7900;

    private static final Logger log = LoggerFactory.getLogger(ClusterBroadcaster.class);

    private final JdbcClient jdbc;
    private final DataSourceProperties dataSource;
    private final JsonMapper json;
    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;

    ClusterBroadcaster(JdbcClient jdbc, DataSourceProperties dataSource, JsonMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Sends the event (at most ~7,900 bytes as JSON) to every node, at commit of the current transaction. */
    public void publish(Record event) {
        String payload = encode(event);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException(
                    "Event too large to broadcast: " + event.getClass().getName());
        }
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query().singleValue();
    }

    /**
     * Hears every event of the type, from every node. Listeners run on the broadcaster's
     * thread: they must hand work off quickly.
     */
    public <E extends Record> Runnable subscribe(Class<E> type, Consumer<? super E> listener) {
        var subscription = new Subscription<E>(type, listener);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    String encode(Record event) {
        return json.writeValueAsString(new Envelope(event.getClass().getName(), json.valueToTree(event)));
    }

    private record Envelope(String type, JsonNode event) {}

    private record Subscription<E extends Record>(Class<E> type, Consumer<? super E> listener) {

        void deliver(Object event) {
            listener.accept(type.cast(event));
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("cluster-broadcast").daemon().start(this::listenLoop);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenLoop() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(
                    dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword())) {
                try (Statement st = connection.createStatement()) {
                    st.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the notification connection, reconnecting: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    void dispatch(String payload) {
        JsonNode envelope;
        try {
            envelope = json.readTree(payload);
        } catch (JacksonException e) {
            log.warn("Ignoring a broadcast that is not an event ({} bytes)", payload.length());
            return;
        }
        String type = envelope.path("type").asString("");
        Object event = null;
        for (Subscription<?> subscription : subscriptions) {
            if (!subscription.type().getName().equals(type)) {
                continue;
            }
            try {
                if (event == null) {
                    event = json.treeToValue(envelope.path("event"), subscription.type());
                }
                subscription.deliver(event);
            } catch (JacksonException e) {
                log.warn("Ignoring a malformed {} broadcast", type);
                return;
            } catch (RuntimeException e) {
                log.warn("A broadcast listener failed", e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
