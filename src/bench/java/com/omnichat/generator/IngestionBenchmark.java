package com.omnichat.generator;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.chat.ChatEvent;
import com.omnichat.chat.ChatUpdates;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Point 5 (ingestion) and point 6 (push latency).
 * <p>
 * Ingestion: a fixed list of deliveries — every message once plus 10% sent a second time,
 * shuffled so some retries race their original — sent by concurrent workers; afterwards the
 * database must hold each message exactly once. The ceiling: the same number of rows
 * inserted into the same table by plain batched JDBC on one connection.
 * <p>
 * Push: one message at a time; a listener subscribed to {@link ChatUpdates} (the path the
 * chats page uses) notes when the event arrives and then reads the chat's newest message
 * through {@link InboxService#history}, as a view does on the event.
 */
@Component
class IngestionBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IngestionBenchmark.class);
    private static final int CEILING_BATCH = 500;
    /** Push and forged messages are numbered from here, apart from the ingestion run's. */
    static final int PUSH_SEQUENCES = 100_000_000;

    static final int FORGED_SEQUENCES = 200_000_000;
    static final int WARM_UP_SEQUENCES = 300_000_000;
    static final int FORGED = 10;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ChatUpdates updates;
    private final InboxService inbox;

    IngestionBenchmark(JdbcClient jdbc, DataSource dataSource, ChatUpdates updates, InboxService inbox) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.updates = updates;
        this.inbox = inbox;
    }

    /**
     * {@code run} names this run's messages: the ingestion's texts are "bench {run} {n}"; use a
     * different run name for every call into one channel. A warm-up of a fifth as many messages
     * (at least 200) goes first and is not counted.
     */
    BenchReport.IngestionFigure ingest(InboundSender sender, int unique, int clients, int concurrency, String run)
            throws Exception {
        List<InboundSender.Delivery> deliveries = deliveries(run, unique, clients);
        int duplicates = deliveries.size() - unique;
        // Warm up first (JIT, pools, caches): a provider's traffic is sustained, not a cold start.
        send(sender, warmUp(run, unique, clients), concurrency);

        Sent sent = send(sender, deliveries, concurrency);
        int forged = 0;
        int rejected = 0;
        for (int n = 0; n < FORGED; n++) {
            var result = sender.deliverForged(delivery(run + "-forged", FORGED_SEQUENCES + n, clients));
            if (result.isPresent()) {
                forged++;
                rejected += result.get() ? 1 : 0;
            }
        }
        long forgedStored = jdbc.sql("select count(*) from message where channel_id = ? and body like ?")
                .params(sender.channelId(), "bench " + run + "-forged %")
                .query(Long.class)
                .single();
        var stored = jdbc.sql("""
                        select count(*) total, count(distinct body) distinct_bodies from message
                        where channel_id = ? and kind = 'CLIENT' and body like ?""")
                .params(sender.channelId(), "bench " + run + " %")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        Ceiling ceiling = ceiling(sender.channelId(), unique);
        var figure = new BenchReport.IngestionFigure(
                sender.path(),
                unique,
                duplicates,
                concurrency,
                round(sent.seconds()),
                round(unique / sent.seconds()),
                Percentiles.of(sent.latencies()),
                stored[0],
                stored[0] - stored[1],
                sent.failed(),
                forged,
                rejected,
                forgedStored,
                ceiling.rows,
                ceiling.perSecond);
        log.info(
                "ingestion via {}: {} unique + {} duplicates in {} s = {} messages/s, latency {}; stored {} "
                        + "(twice {}), failed {}; JDBC ceiling {} rows/s",
                sender.path(),
                unique,
                duplicates,
                figure.seconds(),
                figure.perSecond(),
                figure.latency().text(),
                figure.stored(),
                figure.storedTwice(),
                figure.failedRequests(),
                figure.ceilingPerSecond());
        return figure;
    }

    /**
     * The HTTP floor: the same deliveries, from the same senders, answered without any database
     * work (see {@link TelegramWebhookSender#unknownChannel}). What HTTP alone costs on this machine.
     */
    BenchReport.HttpFloorFigure httpFloor(
            TelegramWebhookSender sender, int unique, int clients, int concurrency, String run) throws Exception {
        send(sender, warmUp(run, unique, clients), concurrency);
        Sent sent = send(sender, deliveries(run, unique, clients), concurrency);
        var figure = new BenchReport.HttpFloorFigure(
                sender.path(),
                sent.latencies().size(),
                concurrency,
                round(sent.seconds()),
                round(sent.latencies().size() / sent.seconds()),
                Percentiles.of(sent.latencies()),
                sent.failed());
        log.info(
                "HTTP floor: {} requests in {} s = {} requests/s, latency {}, unexpected answers {}",
                figure.requests(),
                figure.seconds(),
                figure.perSecond(),
                figure.latency().text(),
                figure.unexpected());
        return figure;
    }

    /** Every message once plus 10% of them again, shuffled so that some retries race their original. */
    private static List<InboundSender.Delivery> deliveries(String run, int unique, int clients) {
        var random = new SplittableRandom(7);
        List<InboundSender.Delivery> deliveries = new ArrayList<>();
        for (int n = 0; n < unique; n++) {
            deliveries.add(delivery(run, n, clients));
        }
        for (int d = 0; d < unique / 10; d++) {
            deliveries.add(deliveries.get(random.nextInt(unique)));
        }
        Collections.shuffle(deliveries, new java.util.Random(11));
        return deliveries;
    }

    /** A fifth as many other messages (at least 200), sent first and not counted. */
    private static List<InboundSender.Delivery> warmUp(String run, int unique, int clients) {
        List<InboundSender.Delivery> warmUp = new ArrayList<>();
        for (int n = 0; n < Math.max(200, unique / 5); n++) {
            warmUp.add(delivery(run + "-warm", WARM_UP_SEQUENCES + n, clients));
        }
        return warmUp;
    }

    private record Sent(double seconds, List<Double> latencies, int failed) {}

    /** Sends the deliveries from {@code concurrency} workers, each taking the next one in order. */
    private static Sent send(InboundSender sender, List<InboundSender.Delivery> deliveries, int concurrency)
            throws Exception {
        var next = new AtomicInteger();
        var failed = new AtomicInteger();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                futures.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < deliveries.size(); i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = sender.deliver(deliveries.get(i));
                        } catch (Exception e) {
                            log.warn("Delivery failed: {}", e.toString());
                            ok = false;
                        }
                        latencies.add(Percentiles.millisSince(t0));
                        if (!ok) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return new Sent((System.nanoTime() - started) / 1e9, latencies, failed.get());
    }

    static InboundSender.Delivery delivery(String run, int n, int clients) {
        int client = n % clients;
        return new InboundSender.Delivery(
                n, 900_000_000L + client, "Bench Client " + client, "bench_client_" + client, "bench " + run + " " + n);
    }

    private record Ceiling(long rows, double perSecond) {}

    /** The same number of message rows by plain batched JDBC, into the chats just filled; removed afterwards. */
    private Ceiling ceiling(long channelId, int rows) throws Exception {
        List<Long> conversations = jdbc.sql("select id from conversation where channel_id = ? order by id")
                .param(channelId)
                .query(Long.class)
                .list();
        if (conversations.isEmpty()) {
            return new Ceiling(0, 0);
        }
        long before = jdbc.sql("select coalesce(max(id), 0) from message")
                .query(Long.class)
                .single();
        long started;
        double seconds;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            started = System.nanoTime();
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into message (conversation_id, channel_id, kind, body, external_id, created_at)
                    values (?, ?, 'CLIENT', ?, ?, ?)""")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int n = 0; n < rows; n++) {
                    ps.setLong(1, conversations.get(n % conversations.size()));
                    ps.setLong(2, channelId);
                    ps.setString(3, "ceiling " + n);
                    ps.setString(4, "ceiling-" + n);
                    ps.setTimestamp(5, now);
                    ps.addBatch();
                    if ((n + 1) % CEILING_BATCH == 0 || n == rows - 1) {
                        ps.executeBatch();
                        connection.commit();
                    }
                }
            }
            seconds = (System.nanoTime() - started) / 1e9;
            connection.setAutoCommit(true);
        }
        jdbc.sql("delete from message where channel_id = ? and id > ? and external_id like 'ceiling-%'")
                .params(channelId, before)
                .update();
        return new Ceiling(rows, round(rows / seconds));
    }

    // ---- push ----

    BenchReport.PushFigure push(InboundSender sender, StaffPrincipal listener, int samples, String run)
            throws Exception {
        var pending = new java.util.concurrent.atomic.AtomicReference<Pending>();
        // The view's side: the event comes on the broadcast thread and is handed off, as UI.access does.
        ExecutorService ui = Executors.newSingleThreadExecutor();
        Runnable unsubscribe = updates.subscribe(listener, event -> {
            if (event.type() != ChatEvent.Type.MESSAGE) {
                return;
            }
            long now = System.nanoTime();
            ui.execute(() -> {
                Pending p = pending.get();
                if (p == null || p.done.getCount() == 0) {
                    return;
                }
                List<MessageView> newest =
                        SystemAccess.callAs(listener, () -> inbox.history(event.conversationId(), null, 1));
                if (!newest.isEmpty() && p.text.equals(newest.getLast().body())) {
                    p.eventNanos = now;
                    p.visibleNanos = System.nanoTime();
                    p.done.countDown();
                }
            });
        });
        List<Double> event = new ArrayList<>();
        List<Double> visible = new ArrayList<>();
        int missed = 0;
        try {
            for (int n = 0; n < samples + 2; n++) {
                InboundSender.Delivery d = delivery(run + "-push", PUSH_SEQUENCES + n, Math.max(1, samples / 4));
                var p = new Pending(d.text());
                pending.set(p);
                long t0 = System.nanoTime();
                sender.deliver(d);
                if (!p.done.await(5, TimeUnit.SECONDS)) {
                    missed++;
                    continue;
                }
                if (n >= 2) {
                    event.add((p.eventNanos - t0) / 1e6);
                    visible.add((p.visibleNanos - t0) / 1e6);
                }
                Thread.sleep(20);
            }
        } finally {
            unsubscribe.run();
            ui.shutdown();
        }
        var figure = new BenchReport.PushFigure(
                sender.path(), event.size(), Percentiles.of(event), Percentiles.of(visible), missed, null);
        log.info(
                "push via {}: event {} visible {} missed {}",
                sender.path(),
                figure.event().text(),
                figure.visible().text(),
                missed);
        return figure;
    }

    private static final class Pending {
        final String text;
        final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        volatile long eventNanos;
        volatile long visibleNanos;

        Pending(String text) {
            this.text = text;
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
