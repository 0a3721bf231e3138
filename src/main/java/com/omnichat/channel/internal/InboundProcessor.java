package com.omnichat.channel.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.omnichat.channel.DeliveryReports;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.InboundSink;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.MediaRef;

/**
 * Applies normalized events to the inbox: downloads media first (outside any transaction),
 * then hands messages, edits, client states and delivery statuses over. Idempotent.
 */
@Component
public class InboundProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

    private final InboundSink sink;
    private final DeliveryReports reports;
    private final MediaPolicy policy;

    InboundProcessor(InboundSink sink, DeliveryReports reports,
                     @Value("${omnichat.channels.max-inbound-file-bytes:20971520}") long maxFileBytes) {
        this.sink = sink;
        this.reports = reports;
        this.policy = new MediaPolicy(maxFileBytes);
    }

    public MediaPolicy policy() {
        return policy;
    }

    /** Downloads every referenced file; a refused one becomes a note in the message text. */
    public Downloads download(ConnectedChannel channel, ChannelConnector connector, List<InboundEvent> events) {
        Map<MediaRef, InboundAttachment> files = new LinkedHashMap<>();
        Map<MediaRef, String> refused = new LinkedHashMap<>();
        for (InboundEvent event : events) {
            if (event instanceof InboundEvent.ClientMessage message) {
                for (MediaRef media : message.media()) {
                    try {
                        files.put(media, connector.download(channel, media, policy));
                    } catch (MediaPolicy.MediaRejectedException e) {
                        log.info("Channel {}: file not stored: {}", channel.id(), e.getMessage());
                        refused.put(media, e.getMessage());
                    }
                }
            }
        }
        return new Downloads(files, refused);
    }

    /** Applies the events (joins the caller's transaction). */
    public void apply(ConnectedChannel channel, List<InboundEvent> events, Downloads downloads) {
        for (InboundEvent event : events) {
            switch (event) {
                case InboundEvent.ClientMessage m -> sink.receive(message(channel, m, downloads));
                case InboundEvent.MessageEdited e -> sink.edited(channel.id(), e.externalMessageId(), e.text());
                case InboundEvent.ClientStateChange s -> sink.clientState(channel.id(), s.externalUserId(), s.state());
                case InboundEvent.StatusUpdate s -> {
                    switch (s.status()) {
                        case DELIVERED -> reports.delivered(channel.id(), s.externalMessageId());
                        case READ -> reports.read(channel.id(), s.externalMessageId());
                        case FAILED -> reports.failed(channel.id(), s.externalMessageId(),
                                s.reason() == null ? "failed" : s.reason());
                    }
                }
            }
        }
    }

    private static InboundMessage message(ConnectedChannel channel, InboundEvent.ClientMessage m, Downloads downloads) {
        List<InboundAttachment> attachments = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        for (MediaRef media : m.media()) {
            InboundAttachment file = downloads.files().get(media);
            if (file != null) {
                attachments.add(file);
            } else {
                notes.append("\n[").append(media.fileName() == null ? "file" : media.fileName()).append(": ")
                        .append(downloads.refused().getOrDefault(media, "not stored")).append(']');
            }
        }
        String text = m.text();
        if (!notes.isEmpty()) {
            text = (text == null ? "" : text) + notes;
            text = text.strip();
        }
        return new InboundMessage(channel.id(), m.from(), m.externalMessageId(), emptyToNull(text), attachments,
                m.replyToExternalId(), m.sentAt());
    }

    private static @Nullable String emptyToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Files downloaded for a batch of events, and the ones refused with the reason. */
    public record Downloads(Map<MediaRef, InboundAttachment> files, Map<MediaRef, String> refused) {

        public static final Downloads NONE = new Downloads(Map.of(), Map.of());
    }
}
