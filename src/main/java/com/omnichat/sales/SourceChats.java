package com.omnichat.sales;

import java.util.Optional;

/**
 * Implemented by the chat module (which depends on sales, not the other way round): tells
 * whether a chat is one of the client's and on which channel, so a request or order made
 * "from this chat" can only name a chat of its own client.
 */
public interface SourceChats {

    /** The chat's channel when the chat exists and belongs to the client; empty otherwise. */
    Optional<Long> channelOf(long conversationId, long clientId);
}
