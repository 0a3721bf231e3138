package com.omnichat.sales;

import org.jspecify.annotations.Nullable;

/**
 * Published (synchronously, inside the saving transaction) when a request or order is
 * edited, so views showing the client's card beside its source chat can refresh.
 */
public record SalesChanged(
        long clientId,
        @Nullable Long conversationId,
        @Nullable Long channelId) {

    static SalesChanged of(SalesRecord changed) {
        return new SalesChanged(changed.clientId(), changed.conversationId(), changed.channelId());
    }
}
