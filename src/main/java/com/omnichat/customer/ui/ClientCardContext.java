package com.omnichat.customer.ui;

import com.omnichat.customer.ClientSummary;
import org.jspecify.annotations.Nullable;

/**
 * What a card section knows: the client, the chat the card is shown beside (null outside the
 * chats page) with its channel, and how to ask the card to reload after a change.
 */
public record ClientCardContext(
        ClientSummary client,
        @Nullable Long conversationId,
        @Nullable Long channelId,
        Runnable refresh) {}
