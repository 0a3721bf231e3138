package com.omnichat.channel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a manager's message at the provider (SPI, implemented by the inbox).
 * Statuses only move forward; reports about unknown messages are ignored.
 */
public interface DeliveryReports {

    /** The provider accepted the message and gave it this id. */
    void sent(long messageId, String externalId);

    void delivered(long channelId, String externalId);

    void read(long channelId, String externalId);

    /** A permanent failure, shown in the chat with its reason (a manager may retry). */
    void failed(long messageId, String reason);

    /** The provider reported a failure later, by its own message id. */
    void failed(long channelId, String externalId, String reason);

    /**
     * Every manager message to this client on this channel sent at or before {@code upTo}
     * and/or up to and including the message {@code upToExternalId} is delivered ({@code read}
     * false) or read. Null bounds are ignored; with both null nothing changes.
     */
    void watermark(
            long channelId,
            String externalUserId,
            boolean read,
            @Nullable Instant upTo,
            @Nullable String upToExternalId);
}
