package com.omnichat.channel.internal;

import com.omnichat.channel.AttachmentSink;
import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.MediaDownloads;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.connector.ProviderErrors;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Downloads clients' files in the background, on every node: the queue is the table
 * {@code media_download}; a row is claimed with FOR UPDATE SKIP LOCKED and leased (a token),
 * one at a time, so no two workers download it at once and a dead worker's row is claimed
 * again when its lease runs out. The download runs outside any transaction; its outcome is
 * recorded only while the lease still holds, and reported to the inbox ({@link AttachmentSink}).
 * Failures are retried with exponential backoff and jitter; what retrying cannot fix (a
 * refused URL, a file too large, a 4xx answer) and the last attempt give up at once.
 */
@Component
public class MediaDownloadWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MediaDownloadWorker.class);
    private static final int REASON_MAX = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ChannelDirectory directory;
    private final ConnectorRegistry registry;
    private final AttachmentSink sink;
    private final ApplicationEventPublisher events;
    private final MediaPolicy policy;
    private final Duration lease;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final boolean background;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("media-download-wakeup").factory());
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    MediaDownloadWorker(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ChannelDirectory directory,
            ConnectorRegistry registry,
            AttachmentSink sink,
            ApplicationEventPublisher events,
            ChannelProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
        this.registry = registry;
        this.sink = sink;
        this.events = events;
        this.policy = new MediaPolicy(properties.maxInboundFileBytes());
        this.lease = properties.media().lease();
        this.baseDelay = properties.media().baseDelay();
        this.maxDelay = properties.media().maxDelay();
        this.maxAttempts = properties.media().maxAttempts();
        this.background = properties.workers();
    }

    /** A claimed row; the lease token proves the claim when the outcome is written. */
    record Claim(long id, long channelId, long attachmentId, MediaRef media, int attempts, UUID token) {}

    /** Queues the download of a placeholder's file (in the caller's transaction, the one storing the message). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(long channelId, long attachmentId, MediaRef media) {
        jdbc.sql("""
                        insert into media_download (channel_id, attachment_id, reference, file_name, content_type,
                                                    size_bytes, image, status)
                        values (?, ?, ?, ?, ?, ?, ?, 'QUEUED') on conflict (attachment_id) do nothing""")
                .params(
                        channelId,
                        attachmentId,
                        media.reference(),
                        clipOrNull(media.fileName(), 255),
                        clipOrNull(media.contentType(), 100),
                        media.size(),
                        media.image())
                .update();
        events.publishEvent(new MediaDownloads.Queued(attachmentId));
    }

    @TransactionalEventListener
    void on(MediaDownloads.Queued event) {
        if (background && wakeUpPending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpPending.set(false);
                drain();
            });
        }
    }

    @Scheduled(
            fixedDelayString = "${omnichat.channels.media.interval:5s}",
            initialDelayString = "${omnichat.channels.media.interval:5s}")
    void tick() {
        if (background) {
            drain();
        }
    }

    /** Works every download that is due now, one row at a time; returns how many were tried. */
    public synchronized int drain() {
        int worked = 0;
        try {
            Optional<Claim> claim;
            while ((claim = claim()).isPresent()) {
                work(claim.get());
                worked++;
            }
        } catch (RuntimeException e) {
            log.warn("Media download worker stopped early: {}", ProviderErrors.describe(e));
        }
        return worked;
    }

    Optional<Claim> claim() {
        UUID token = UUID.randomUUID();
        return tx.execute(s -> jdbc.sql("""
                        update media_download d set status = 'DOWNLOADING', attempts = d.attempts + 1,
                               lease_until = now() + make_interval(secs => :lease), lease_token = :token, updated_at = now()
                        where d.id = (
                            select q.id from media_download q
                            where (q.status = 'QUEUED' and q.next_attempt_at <= now())
                               or (q.status = 'DOWNLOADING' and q.lease_until < now())
                            order by q.next_attempt_at, q.id
                            limit 1
                            for update skip locked)
                        returning d.id, d.channel_id, d.attachment_id, d.reference, d.file_name, d.content_type,
                                  d.size_bytes, d.image, d.attempts""")
                .param("lease", lease.toSeconds())
                .param("token", token)
                .query((rs, n) -> {
                    long size = rs.getLong(7);
                    Long sizeBytes = rs.wasNull() ? null : size;
                    return new Claim(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            new MediaRef(
                                    rs.getString(4), rs.getString(5), rs.getString(6), sizeBytes, rs.getBoolean(8)),
                            rs.getInt(9),
                            token);
                })
                .optional());
    }

    void work(Claim claim) {
        Optional<ConnectedChannel> channel = directory.byId(claim.channelId());
        Optional<ChannelConnector> connector = channel.flatMap(registry::forChannel);
        if (channel.isEmpty() || connector.isEmpty()) {
            retryLater(claim, "Channel not connected");
            return;
        }
        InboundAttachment file;
        try {
            file = connector.get().download(channel.get(), claim.media(), policy);
            if (claim.media().image() && !file.isImage()) {
                throw new MediaPolicy.MediaRejectedException("The provider sent no picture");
            }
        } catch (MediaPolicy.MediaRejectedException e) {
            giveUp(claim, ProviderErrors.describe(e));
            return;
        } catch (ProviderErrors.ProviderException e) {
            if (hopeless(e.status())) {
                giveUp(claim, ProviderErrors.describe(e));
            } else {
                retryLater(claim, ProviderErrors.describe(e));
            }
            return;
        } catch (RuntimeException e) {
            retryLater(claim, ProviderErrors.describe(e));
            return;
        }
        tx.executeWithoutResult(s -> {
            if (jdbc.sql("delete from media_download where id = ? and lease_token = ?")
                            .params(claim.id(), claim.token())
                            .update()
                    > 0) {
                sink.downloaded(claim.attachmentId(), file);
            }
        });
    }

    /** A client error (the file is gone, too big, not ours) stays one; a timeout or rate limit may pass. */
    private static boolean hopeless(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    private void retryLater(Claim claim, String reason) {
        if (claim.attempts() >= maxAttempts) {
            giveUp(claim, "Gave up after " + claim.attempts() + " attempts: " + reason);
            return;
        }
        Duration delay = backoff(claim.attempts());
        log.info(
                "Download for attachment {} failed (attempt {}), next try in {}: {}",
                claim.attachmentId(),
                claim.attempts(),
                delay,
                reason);
        jdbc.sql("""
                        update media_download set status = 'QUEUED', next_attempt_at = now() + make_interval(secs => ?),
                               last_error = ?, lease_until = null, lease_token = null, updated_at = now()
                        where id = ? and lease_token = ?""")
                .params(delay.toMillis() / 1000.0, clip(reason, REASON_MAX), claim.id(), claim.token())
                .update();
    }

    private void giveUp(Claim claim, String reason) {
        String text = clip(reason, REASON_MAX);
        log.info("Download for attachment {} given up: {}", claim.attachmentId(), text);
        tx.executeWithoutResult(s -> {
            if (jdbc.sql("""
                            update media_download set status = 'FAILED', last_error = ?, lease_until = null,
                                   lease_token = null, updated_at = now()
                            where id = ? and lease_token = ?""").params(text, claim.id(), claim.token()).update() > 0) {
                sink.failed(claim.attachmentId(), text);
            }
        });
    }

    /** Exponential backoff with "equal jitter": between half and all of base * 2^(attempt-1), capped. */
    Duration backoff(int attempt) {
        double full = Math.min(maxDelay.toMillis(), baseDelay.toMillis() * Math.pow(2, Math.max(0, attempt - 1)));
        return Duration.ofMillis((long) (full / 2 + ThreadLocalRandom.current().nextDouble() * full / 2));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static @Nullable String clipOrNull(@Nullable String text, int max) {
        return text == null ? null : clip(text, max);
    }

    @Override
    public void destroy() {
        wakeUps.shutdownNow();
    }
}
