package com.omnichat.channel;

import org.jspecify.annotations.Nullable;

/**
 * Where connectors hand what clients do (SPI, implemented by the inbox). Every method is
 * idempotent: a provider's redelivery changes nothing.
 */
public interface InboundSink {

    /** A client message; stored once per (channel, external message id). */
    IngestResult receive(InboundMessage message);

    /** The client edited a message he sent before: the stored text changes and is marked edited. */
    void edited(long channelId, String externalMessageId, @Nullable String text);

    /** The client blocked, unblocked, subscribed to or unsubscribed from the channel. */
    void clientState(long channelId, String externalUserId, ClientState state);
}
