package com.omnichat.channel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where connectors hand what clients do (SPI, implemented by the inbox). Every method is
 * idempotent: a provider's redelivery changes nothing.
 */
public interface InboundSink {

    /** A client message; stored once per (channel, external message id). */
    default IngestResult receive(InboundMessage message) {
        return receive(message, null);
    }

    /** A client message marked with where it came from (a comment, a story reply, ...); null: a plain one. */
    IngestResult receive(InboundMessage message, @Nullable MessageOrigin origin);

    /** The post comments on it were made on: its link and caption, shown on every such comment. */
    void postDetails(long channelId, String postId, @Nullable String url, @Nullable String caption);

    /** The client edited a message he sent before: the stored text changes and is marked edited. */
    void edited(long channelId, String externalMessageId, @Nullable String text);

    /** The client blocked, unblocked, subscribed to or unsubscribed from the channel. */
    void clientState(long channelId, String externalUserId, ClientState state);

    /** The client reacted to a message (by the provider's id) or took the reaction back. */
    void reaction(long channelId, String externalMessageId, @Nullable String emoji, boolean removed);

    /** The client deleted a message he sent: kept for the staff, marked deleted. */
    void deletedByClient(long channelId, String externalMessageId);

    /**
     * A message the shop sent from the provider's own app: stored once as a manager message
     * marked "sent from {@code app}", unless it is the echo of a message sent from here
     * (same provider id). Files get placeholders as for a client's message.
     */
    IngestResult echo(EchoMessage message);

    /** A manager message sent from the provider's app, as the echo describes it. */
    record EchoMessage(
            long channelId,
            ClientProfile to,
            String externalMessageId,
            @Nullable String text,
            java.util.List<InboundMessage.PendingAttachment> pending,
            @Nullable String replyToExternalId,
            Instant sentAt,
            String app) {

        public EchoMessage {
            pending = java.util.List.copyOf(pending);
        }
    }
}
