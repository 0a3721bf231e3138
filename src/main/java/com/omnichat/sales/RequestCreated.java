package com.omnichat.sales;

import org.jspecify.annotations.Nullable;

/**
 * Published (synchronously, inside the creating transaction) when a request is created;
 * the chat module notes "request #N created" in {@code conversationId} when there is one.
 */
public record RequestCreated(
        long requestId,
        long number,
        long clientId,
        @Nullable Long conversationId,
        @Nullable Long channelId,
        long actorId,
        String actorName) {}
