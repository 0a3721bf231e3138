package com.omnichat.channel.internal;

import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.DeliveryQueue;
import com.omnichat.channel.DeliveryReports;
import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.OutboundSource;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.connector.SendProgress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the outbound queue on every node. A row is claimed with FOR UPDATE SKIP LOCKED and
 * leased (status SENDING, lease_until, a token): no two workers hold it at once, and a row
 * whose worker died is claimed again when the lease runs out. Rows of one conversation go
 * out in order. Failures are retried with exponential backoff and jitter; the provider's
 * rate-limit wait is honoured for the whole channel; permanent errors fail the message.
 * <p>
 * A message reaches the provider once even when the provider is slow: a worker claims one
 * row at a time (a batch's later rows would lease out while the first ones are sent), keeps
 * renewing the lease while a send is under way, and proves the lease is still its own right
 * before the send and before each further part ({@link SendProgress#beforePart()}); a lost
 * lease stops the send before the provider is called again. Failure texts are
 * {@link ProviderErrors#describe} texts: they are stored, shown in the chat and logged.
 */
@Component
public class DeliveryWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ChannelDirectory directory;
    private final ConnectorRegistry registry;
    private final OutboundSource source;
    private final DeliveryReports reports;
    private final Duration lease;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final Duration retryFor;
    private final boolean background;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("delivery-wakeup").factory());
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    /** Renews the leases of sends under way (a slow provider must not let them run out). */
    private final ScheduledExecutorService leaseKeeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("delivery-lease").daemon().factory());

    @Autowired
    DeliveryWorker(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ChannelDirectory directory,
            ConnectorRegistry registry,
            OutboundSource source,
            DeliveryReports reports,
            ChannelProperties properties) {
        this(jdbc, tx, directory, registry, source, reports, properties.delivery(), properties.workers());
    }

    DeliveryWorker(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ChannelDirectory directory,
            ConnectorRegistry registry,
            OutboundSource source,
            DeliveryReports reports,
            ChannelProperties.Delivery policy,
            boolean background) {
        this.background = background;
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
        this.registry = registry;
        this.source = source;
        this.reports = reports;
        this.lease = policy.lease();
        this.baseDelay = policy.baseDelay();
        this.maxDelay = policy.maxDelay();
        this.maxAttempts = policy.maxAttempts();
        this.retryFor = policy.retryFor();
    }

    /** A claimed row: the lease token proves the claim when the result is written. */
    public record Claim(
            long id, long messageId, long channelId, int partsSent, int attempts, UUID token, Duration queuedFor) {}

    @TransactionalEventListener
    void on(DeliveryQueue.MessageEnqueued event) {
        if (background && wakeUpPending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpPending.set(false);
                drain();
            });
        }
    }

    @Scheduled(
            fixedDelayString = "${omnichat.channels.delivery.interval:1s}",
            initialDelayString = "${omnichat.channels.delivery.interval:1s}")
    public void tick() {
        if (background) {
            drain();
        }
    }

    /** Sends everything due now, one claimed row at a time; returns how many rows were worked. */
    public synchronized int drain() {
        int worked = 0;
        try {
            List<Claim> one;
            while (!(one = claim(1)).isEmpty()) {
                send(one.getFirst());
                worked++;
            }
        } catch (RuntimeException e) {
            log.warn("Delivery worker stopped early: {}", ProviderErrors.describe(e));
        }
        return worked;
    }

    /**
     * Claims up to {@code limit} due rows for this worker (its own transaction). The worker
     * itself takes one at a time: the lease of a row claimed early would run out while the
     * rows before it are sent.
     */
    public List<Claim> claim(int limit) {
        UUID token = UUID.randomUUID();
        List<Claim> claims = tx.execute(s -> jdbc.sql("""
                        update outbound_message o set status = 'SENDING', attempts = o.attempts + 1,
                               lease_until = now() + make_interval(secs => :lease), lease_token = :token, updated_at = now()
                        where o.id in (
                            select q.id from outbound_message q
                            join channel c on c.id = q.channel_id
                            left join channel_state s on s.channel_id = q.channel_id
                            where ((q.status = 'QUEUED' and q.next_attempt_at <= now())
                                   or (q.status = 'SENDING' and q.lease_until < now()))
                              and c.enabled and c.mode is not null
                              and (s.throttled_until is null or s.throttled_until <= now())
                              and not exists (select 1 from outbound_message p
                                              where p.conversation_id = q.conversation_id and p.id < q.id
                                                and p.status in ('QUEUED', 'SENDING'))
                            order by q.next_attempt_at, q.id
                            limit :limit
                            for update of q skip locked)
                        returning o.id, o.message_id, o.channel_id, o.parts_sent, o.attempts,
                                  (extract(epoch from now() - o.queued_at) * 1000)::bigint""")
                .param("lease", seconds(lease))
                .param("token", token)
                .param("limit", limit)
                .query((rs, n) -> new Claim(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        token,
                        Duration.ofMillis(rs.getLong(6))))
                .list());
        return claims == null ? List.of() : claims;
    }

    /** Sends one claimed row and records the outcome (only while the claim still holds). */
    public void send(Claim claim) {
        Optional<ConnectedChannel> channel = directory.byId(claim.channelId());
        Optional<ChannelConnector> connector = channel.flatMap(registry::forChannel);
        if (channel.isEmpty() || connector.isEmpty()) {
            release(claim, Duration.ofMinutes(1), "Channel not connected");
            return;
        }
        Optional<OutboundMessage> message = tx.execute(s -> source.outbound(claim.messageId()));
        if (message == null || message.isEmpty()) {
            finish(claim, "FAILED", "Message no longer exists");
            return;
        }
        var progress = new LeasedProgress(jdbc, claim, lease);
        ScheduledFuture<?> keeper = keepLease(progress);
        try {
            progress.beforePart();
            String returned = connector.get().send(channel.get(), message.get(), progress);
            tx.executeWithoutResult(s -> {
                // The message's id at the provider is its first part's (recorded by an earlier try, if any).
                Optional<String> externalId = jdbc.sql("""
                                update outbound_message set status = 'SENT', external_id = coalesce(external_id, ?),
                                       last_error = null, lease_until = null, lease_token = null, updated_at = now()
                                where id = ? and lease_token = ? returning external_id""")
                        .params(returned, claim.id(), claim.token())
                        .query(String.class)
                        .optional();
                externalId.ifPresent(id -> {
                    reports.sent(claim.messageId(), id);
                    if (channel.get().mode() == ChannelMode.DEMO) {
                        reports.delivered(claim.channelId(), id);
                    }
                });
            });
        } catch (LeasedProgress.LeaseLost e) {
            // Another worker holds the row now (this one was too slow): it sends the rest, not us.
            log.warn("Message {}: lease lost, left to the worker that holds it now", claim.messageId());
        } catch (DeliveryException e) {
            failed(claim, e, channel.get());
        } catch (RuntimeException e) {
            // Never the exception itself: its message (and a cause's) may name a provider URL with the token.
            String reason = ProviderErrors.describe(e, channel.get().secrets().values());
            log.warn("Sending message {} failed unexpectedly: {}", claim.messageId(), reason);
            failed(claim, DeliveryException.retryable(reason), channel.get());
        } finally {
            keeper.cancel(false);
        }
    }

    /** Renews the lease every third of its length while the send runs. */
    private ScheduledFuture<?> keepLease(LeasedProgress progress) {
        long period = Math.max(50, lease.toMillis() / 3);
        return leaseKeeper.scheduleAtFixedRate(
                () -> {
                    try {
                        progress.renew();
                    } catch (RuntimeException e) {
                        log.warn(
                                "Could not renew the lease of message {}: {}",
                                progress.messageId(),
                                ProviderErrors.describe(e));
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
    }

    private void failed(Claim claim, DeliveryException e, ConnectedChannel channel) {
        // Shown to every manager of the channel as the "not delivered" reason: safe text only.
        String reason = ProviderErrors.redact(
                e.getMessage() == null ? e.kind().name() : e.getMessage(),
                channel.secrets().values());
        switch (e.kind()) {
            case PERMANENT -> permanentlyFailed(claim, reason);
            case RATE_LIMITED -> {
                Duration wait = e.retryAfter() == null ? baseDelay : e.retryAfter();
                tx.executeWithoutResult(s -> {
                    // Waiting for the provider is no failed attempt of ours.
                    jdbc.sql("""
                                    update outbound_message set status = 'QUEUED', attempts = greatest(attempts - 1, 0),
                                           next_attempt_at = now() + make_interval(secs => ?), last_error = ?,
                                           lease_until = null, lease_token = null, updated_at = now()
                                    where id = ? and lease_token = ?""")
                            .params(seconds(wait), clip(reason), claim.id(), claim.token())
                            .update();
                    jdbc.sql("""
                                    insert into channel_state (channel_id, throttled_until) values (?, now() + make_interval(secs => ?))
                                    on conflict (channel_id) do update set throttled_until = excluded.throttled_until""").params(claim.channelId(), seconds(wait)).update();
                });
                log.info("Channel {} rate-limited: retry after {}", claim.channelId(), wait);
            }
            case RETRYABLE -> {
                // Both budgets must be spent: a provider outage shorter than retryFor loses no reply.
                if (claim.attempts() >= maxAttempts && claim.queuedFor().compareTo(retryFor) >= 0) {
                    permanentlyFailed(claim, "Gave up after " + claim.attempts() + " attempts: " + reason);
                } else {
                    release(claim, backoff(claim.attempts()), reason);
                }
            }
        }
    }

    private void permanentlyFailed(Claim claim, String reason) {
        tx.executeWithoutResult(s -> {
            if (finish(claim, "FAILED", reason)) {
                reports.failed(claim.messageId(), reason);
            }
        });
    }

    /** Exponential backoff with "equal jitter": between half and all of base * 2^(attempt-1), capped. */
    Duration backoff(int attempt) {
        double full = Math.min(maxDelay.toMillis(), baseDelay.toMillis() * Math.pow(2, Math.max(0, attempt - 1)));
        long millis = (long) (full / 2 + ThreadLocalRandom.current().nextDouble() * full / 2);
        return Duration.ofMillis(millis);
    }

    private void release(Claim claim, Duration delay, String reason) {
        jdbc.sql("""
                        update outbound_message set status = 'QUEUED', next_attempt_at = now() + make_interval(secs => ?),
                               last_error = ?, lease_until = null, lease_token = null, updated_at = now()
                        where id = ? and lease_token = ?""")
                .params(seconds(delay), clip(reason), claim.id(), claim.token())
                .update();
    }

    private boolean finish(Claim claim, String status, @Nullable String error) {
        return jdbc.sql("""
                        update outbound_message set status = ?, last_error = ?, lease_until = null, lease_token = null,
                               updated_at = now()
                        where id = ? and lease_token = ?""")
                        .params(status, error == null ? null : clip(error), claim.id(), claim.token())
                        .update()
                > 0;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String clip(String text) {
        // Redacted once more where it is stored: the last line of defence for the bot token.
        text = ProviderErrors.redact(text);
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    @Override
    public void destroy() {
        wakeUps.shutdownNow();
        leaseKeeper.shutdownNow();
    }
}
