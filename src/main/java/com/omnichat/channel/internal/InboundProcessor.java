package com.omnichat.channel.internal;

import com.omnichat.channel.DeliveryReports;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.InboundSink;
import com.omnichat.channel.IngestResult;
import com.omnichat.channel.MessageOrigin;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.MediaRef;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Applies normalized events to the inbox: messages, edits, client states and delivery
 * statuses. A client's message never waits for its files: it is stored at once with a
 * placeholder per file, and each file is queued for the background download
 * ({@link MediaDownloadWorker}) in the same transaction. Idempotent.
 */
@Component
public class InboundProcessor {

    private final InboundSink sink;
    private final DeliveryReports reports;
    private final MediaDownloadWorker downloads;

    InboundProcessor(InboundSink sink, DeliveryReports reports, MediaDownloadWorker downloads) {
        this.sink = sink;
        this.reports = reports;
        this.downloads = downloads;
    }

    /** Applies the events (joins the caller's transaction). */
    public void apply(ConnectedChannel channel, List<InboundEvent> events) {
        for (InboundEvent event : events) {
            switch (event) {
                case InboundEvent.ClientMessage m -> receive(channel, m, null);
                case InboundEvent.OriginMessage o -> receive(channel, o.message(), o.origin());
                case InboundEvent.MessageEdited e -> sink.edited(channel.id(), e.externalMessageId(), e.text());
                case InboundEvent.ClientStateChange s -> sink.clientState(channel.id(), s.externalUserId(), s.state());
                case InboundEvent.Reaction r ->
                    sink.reaction(channel.id(), r.externalMessageId(), r.emoji(), r.removed());
                case InboundEvent.MessageDeleted d -> sink.deletedByClient(channel.id(), d.externalMessageId());
                case InboundEvent.Echo e -> echo(channel, e);
                case InboundEvent.Watermark w ->
                    reports.watermark(
                            channel.id(),
                            w.externalUserId(),
                            w.status() == InboundEvent.StatusUpdate.Status.READ,
                            w.upTo(),
                            w.upToExternalId());
                case InboundEvent.StatusUpdate s -> {
                    switch (s.status()) {
                        case DELIVERED -> reports.delivered(channel.id(), s.externalMessageId());
                        case READ -> reports.read(channel.id(), s.externalMessageId());
                        case FAILED ->
                            reports.failed(
                                    channel.id(), s.externalMessageId(), s.reason() == null ? "failed" : s.reason());
                    }
                }
            }
        }
    }

    private void receive(ConnectedChannel channel, InboundEvent.ClientMessage m, @Nullable MessageOrigin origin) {
        List<InboundMessage.PendingAttachment> pending =
                m.media().stream().map(InboundProcessor::placeholder).toList();
        IngestResult result = sink.receive(
                new InboundMessage(
                        channel.id(),
                        m.from(),
                        m.externalMessageId(),
                        emptyToNull(m.text()),
                        List.of(),
                        pending,
                        m.replyToExternalId(),
                        m.quote(),
                        m.sentAt(),
                        m.mail()),
                origin);
        queueDownloads(channel, result, m.media());
    }

    private void echo(ConnectedChannel channel, InboundEvent.Echo e) {
        IngestResult result = sink.echo(new InboundSink.EchoMessage(
                channel.id(),
                e.to(),
                e.externalMessageId(),
                emptyToNull(e.text()),
                e.media().stream().map(InboundProcessor::placeholder).toList(),
                e.replyToExternalId(),
                e.sentAt(),
                e.app()));
        queueDownloads(channel, result, e.media());
    }

    private void queueDownloads(ConnectedChannel channel, IngestResult result, List<MediaRef> media) {
        if (result.duplicate()) {
            // Queued with the first delivery.
            return;
        }
        for (int i = 0; i < media.size() && i < result.pendingAttachmentIds().size(); i++) {
            downloads.queue(channel.id(), result.pendingAttachmentIds().get(i), media.get(i));
        }
    }

    private static InboundMessage.PendingAttachment placeholder(MediaRef media) {
        String name = media.fileName() != null && !media.fileName().isBlank()
                ? media.fileName()
                : media.image() ? "picture.jpg" : "file";
        String type =
                media.contentType() != null ? media.contentType() : media.image() ? "image/jpeg" : MediaPolicy.OPAQUE;
        return new InboundMessage.PendingAttachment(
                name, type, media.image(), media.size() == null ? 0 : Math.max(0, media.size()));
    }

    private static @Nullable String emptyToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
