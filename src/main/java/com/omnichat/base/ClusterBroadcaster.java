package com.omnichat.base;

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

/**
 * Live updates across application nodes through PostgreSQL LISTEN/NOTIFY. A notification
 * sent inside a transaction is delivered only when it commits, so listeners never see
 * work that was rolled back. Every node, the sender's included, gets each notification
 * through the same path.
 */
@Component
public class ClusterBroadcaster implements SmartLifecycle {

    static final String CHANNEL = "omnichat_events";
    private static final Logger log = LoggerFactory.getLogger(ClusterBroadcaster.class);

    private final JdbcClient jdbc;
    private final DataSourceProperties dataSource;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;

    ClusterBroadcaster(JdbcClient jdbc, DataSourceProperties dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Sends a payload (at most ~7,900 bytes) to every node, at commit of the current transaction. */
    public void publish(String payload) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query().singleValue();
    }

    /** Listeners run on the broadcaster's thread: they must hand work off quickly. */
    public Runnable subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
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

    private void dispatch(String payload) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(payload);
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
