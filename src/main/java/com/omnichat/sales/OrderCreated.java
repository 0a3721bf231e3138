package com.omnichat.sales;

import org.jspecify.annotations.Nullable;

/**
 * Published (synchronously, inside the creating transaction) when an order is created;
 * the chat module notes "order #N created" in {@code conversationId} when there is one.
 */
public record OrderCreated(
        long orderId,
        long number,
        long clientId,
        @Nullable Long conversationId,
        @Nullable Long channelId,
        long actorId,
        String actorName) {}
