package com.omnichat.sales;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request (deal) as views see it; {@code version} guards concurrent edits. */
public record SalesRequest(
        long id,
        long number,
        String title,
        RequestStage stage,
        @Nullable BigDecimal amount,
        @Nullable Long responsibleId,
        @Nullable String responsibleName,
        long clientId,
        String clientName,
        @Nullable Long conversationId,
        @Nullable Long channelId,
        @Nullable String comment,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements SalesRecord {

    public boolean active() {
        return stage.active();
    }
}
