package com.omnichat.chat;

/**
 * Published (after commit) when a manager's message waits for delivery. The channels
 * module delivers it and reports back through {@link DeliveryService}.
 */
public record MessageQueued(long messageId, long conversationId, long channelId) {
}
