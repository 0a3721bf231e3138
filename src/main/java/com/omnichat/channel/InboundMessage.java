package com.omnichat.channel;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a channel connector hands to the inbox for every client message. The pair
 * (channelId, externalMessageId) identifies it: delivering it twice stores it once.
 * {@code attachments} are files already at hand; {@code pending} are files still to be
 * downloaded: the inbox shows a placeholder for each, and the download reports through
 * {@link AttachmentSink}. {@code quote} is what the provider says the message replies to, for
 * when the original is not stored here.
 */
public record InboundMessage(
        long channelId,
        ClientProfile client,
        String externalMessageId,
        @Nullable String text,
        List<InboundAttachment> attachments,
        List<PendingAttachment> pending,
        @Nullable String replyToExternalId,
        @Nullable ReplyQuote quote,
        Instant sentAt,
        @Nullable MailDetails mail) {

    public InboundMessage {
        if (externalMessageId.isBlank()) {
            throw new IllegalArgumentException("externalMessageId is required");
        }
        attachments = List.copyOf(attachments);
        pending = List.copyOf(pending);
    }

    public InboundMessage(
            long channelId,
            ClientProfile client,
            String externalMessageId,
            @Nullable String text,
            List<InboundAttachment> attachments,
            List<PendingAttachment> pending,
            @Nullable String replyToExternalId,
            @Nullable ReplyQuote quote,
            Instant sentAt) {
        this(channelId, client, externalMessageId, text, attachments, pending, replyToExternalId, quote, sentAt, null);
    }

    public InboundMessage(
            long channelId,
            ClientProfile client,
            String externalMessageId,
            @Nullable String text,
            List<InboundAttachment> attachments,
            @Nullable String replyToExternalId,
            Instant sentAt) {
        this(channelId, client, externalMessageId, text, attachments, List.of(), replyToExternalId, null, sentAt);
    }

    public static InboundMessage text(
            long channelId, ClientProfile client, String externalMessageId, String text, Instant sentAt) {
        return new InboundMessage(channelId, client, externalMessageId, text, List.of(), null, sentAt);
    }

    /** A file the client sent that is not downloaded yet: what the placeholder can tell about it. */
    public record PendingAttachment(String fileName, String contentType, boolean image, long sizeBytes) {}

    /** The quoted message as the provider describes it (author's name, text), both possibly unknown. */
    public record ReplyQuote(
            @Nullable String authorName, @Nullable String text) {}
}
