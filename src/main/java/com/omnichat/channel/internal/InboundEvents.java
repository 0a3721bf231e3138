package com.omnichat.channel.internal;

import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.connector.UnparseableEventException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every inbound provider event is stored before it is acknowledged. The event is stored and
 * applied in one short transaction (a client's files are not waited for: the message gets
 * placeholders and the files are downloaded in the background by {@link MediaDownloadWorker});
 * if that fails the event is stored as PENDING with the error in a second one and retried by
 * {@link #retryPending()}; only if even that fails does the provider get an error (and
 * redeliver). Unparseable (but authentic) events are kept as FAILED for the administrators, once per
 * body, and acknowledged: the provider would redeliver them forever otherwise.
 * <p>
 * Errors are stored and logged only as {@link ProviderErrors#describe} text: a provider's
 * exception may carry its URL with the bot token.
 */
@Component
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);
    private static final int ERROR_MAX = 2000;
    private static final Duration LEASE = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 12;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final InboundProcessor processor;
    private final ChannelDirectory directory;
    private final ConnectorRegistry registry;
    private final boolean workers;

    InboundEvents(
            JdbcClient jdbc,
            TransactionTemplate tx,
            InboundProcessor processor,
            ChannelDirectory directory,
            ConnectorRegistry registry,
            ChannelProperties properties) {
        this.workers = properties.workers();
        this.jdbc = jdbc;
        this.tx = tx;
        this.processor = processor;
        this.directory = directory;
        this.registry = registry;
    }

    /** What became of an event. */
    public sealed interface Outcome {
        /** Stored (and applied, or queued for processing); answer 200 with the optional body. */
        record Accepted(long eventId, @Nullable String reply, boolean duplicate) implements Outcome {}

        /** Stored as FAILED (or was already, the same body delivered again): answered 200 all the same. */
        record Unparseable(long eventId, String error, boolean duplicate) implements Outcome {}
    }

    /** A webhook body that passed the authenticity check. */
    public Outcome accept(ConnectedChannel channel, ChannelConnector connector, byte[] body) {
        ParsedEvent parsed;
        try {
            parsed = connector.parse(channel, body);
        } catch (UnparseableEventException | RuntimeException e) {
            String error = describe(e);
            Optional<Long> stored = storeFailed(channel.id(), body, error);
            if (stored.isEmpty()) {
                return new Outcome.Unparseable(failedId(channel.id(), body), error, true);
            }
            log.warn("Channel {}: unparseable event {} kept as failed: {}", channel.id(), stored.get(), error);
            return new Outcome.Unparseable(stored.get(), error, false);
        }
        try {
            Optional<Long> id = tx.execute(s -> {
                Optional<Long> stored = insert(channel.id(), parsed.key(), body, "DONE", null);
                stored.ifPresent(x -> processor.apply(channel, parsed.events()));
                return stored;
            });
            return new Outcome.Accepted(id.orElse(0L), parsed.reply(), id.isEmpty());
        } catch (RuntimeException e) {
            // Nothing lost: keep it for the retry worker (if this fails too, the provider gets a 500 and redelivers).
            log.warn("Channel {}: processing failed, kept for retry: {}", channel.id(), describe(e));
            Optional<Long> id = storePending(channel.id(), parsed.key(), body, describe(e));
            return new Outcome.Accepted(id.orElse(0L), parsed.reply(), id.isEmpty());
        }
    }

    /** Stores a polled update as PENDING; empty when it was stored before. Call {@link #processStored} after. */
    public Optional<Long> storePolled(long channelId, String key, byte[] body) {
        return storePending(channelId, key, body, null);
    }

    /** Processes a stored event now (this thread); true when it is done. */
    public boolean processStored(long eventId) {
        Optional<Claimed> claimed = claim(eventId);
        return claimed.map(this::process).orElse(false);
    }

    /** Sweeps PENDING events whose time has come (a failed first try, a node that died mid-way). */
    @Scheduled(
            fixedDelayString = "${omnichat.channels.inbound-retry-interval:5s}",
            initialDelayString = "${omnichat.channels.inbound-retry-interval:5s}")
    void sweep() {
        if (workers) {
            retryPending();
        }
    }

    /** Processes every PENDING event that is due; returns how many were done. */
    public int retryPending() {
        int done = 0;
        for (int round = 0; round < 20; round++) {
            List<Claimed> batch = tx.execute(s -> jdbc.sql("""
                            update inbound_event set attempts = attempts + 1,
                                   next_attempt_at = now() + make_interval(secs => :lease)
                            where id in (select id from inbound_event where status = 'PENDING' and next_attempt_at <= now()
                                         order by next_attempt_at limit 20 for update skip locked)
                            returning id, channel_id, body, attempts""")
                    .param("lease", LEASE.toSeconds())
                    .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getInt(4)))
                    .list());
            if (batch == null || batch.isEmpty()) {
                break;
            }
            for (Claimed event : batch) {
                if (process(event)) {
                    done++;
                }
            }
        }
        return done;
    }

    private Optional<Claimed> claim(long eventId) {
        return tx.execute(s -> jdbc.sql("""
                        update inbound_event set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => :lease)
                        where id = (select id from inbound_event where id = :id and status = 'PENDING' for update skip locked)
                        returning id, channel_id, body, attempts""")
                .param("lease", LEASE.toSeconds())
                .param("id", eventId)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getInt(4)))
                .optional());
    }

    private boolean process(Claimed event) {
        try {
            ConnectedChannel channel =
                    directory.byId(event.channelId()).orElseThrow(() -> new IllegalStateException("Channel gone"));
            ChannelConnector connector = registry.forType(channel.type())
                    .orElseThrow(() -> new IllegalStateException("No connector for " + channel.type()));
            ParsedEvent parsed;
            try {
                parsed = connector.parse(channel, event.body());
            } catch (UnparseableEventException e) {
                finish(event.id(), "FAILED", describe(e));
                return false;
            }
            tx.executeWithoutResult(s -> {
                processor.apply(channel, parsed.events());
                finish(event.id(), "DONE", null);
            });
            return true;
        } catch (RuntimeException e) {
            String error = describe(e);
            log.warn("Inbound event {} failed (attempt {}): {}", event.id(), event.attempts(), error);
            if (event.attempts() >= MAX_ATTEMPTS) {
                finish(event.id(), "FAILED", "Gave up after " + event.attempts() + " attempts: " + error);
            } else {
                long delay = Math.min(3600, (long) Math.pow(2, event.attempts()) * 5);
                jdbc.sql("""
                                update inbound_event set error = ?, next_attempt_at = now() + make_interval(secs => ?)
                                where id = ? and status = 'PENDING'""").params(clip(error), delay, event.id()).update();
            }
            return false;
        }
    }

    private void finish(long id, String status, @Nullable String error) {
        jdbc.sql("update inbound_event set status = ?, error = ?, processed_at = now() where id = ?")
                .params(status, error == null ? null : clip(error), id)
                .update();
    }

    private Optional<Long> storePending(long channelId, @Nullable String key, byte[] body, @Nullable String error) {
        return tx.execute(s -> insert(channelId, key, body, "PENDING", error));
    }

    /** Empty when the same body was stored as failed before (a redelivery). */
    private Optional<Long> storeFailed(long channelId, byte[] body, String error) {
        // Keyed by the body's hash, never by the provider's event key: a broken body must not block a
        // later good event with the same key, and its redeliveries are stored once.
        return tx.execute(s -> insert(channelId, failedKey(body), body, "FAILED", error));
    }

    private long failedId(long channelId, byte[] body) {
        return jdbc.sql("select id from inbound_event where channel_id = ? and event_key = ?")
                .params(channelId, failedKey(body))
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    static String failedKey(byte[] body) {
        try {
            return "unparseable:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Long> insert(
            long channelId, @Nullable String key, byte[] body, String status, @Nullable String error) {
        return jdbc.sql("""
                        insert into inbound_event (channel_id, event_key, body, status, error, processed_at)
                        values (?, ?, ?, ?, ?, case when ? = 'PENDING' then null else now() end)
                        on conflict (channel_id, event_key) do nothing returning id""")
                .params(channelId, key, body, status, error == null ? null : clip(error), status)
                .query(Long.class)
                .optional();
    }

    static String describe(Throwable e) {
        return ProviderErrors.describe(e);
    }

    private static String clip(String text) {
        // Redacted once more where it is stored: the last line of defence for the bot token.
        text = ProviderErrors.redact(text);
        return text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
    }

    record Claimed(long id, long channelId, byte[] body, int attempts) {}
}
