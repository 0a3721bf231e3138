package com.omnichat.channel;

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
}
