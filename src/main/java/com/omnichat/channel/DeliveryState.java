package com.omnichat.channel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Where a manager's message is in the outbound queue. */
public record DeliveryState(
        long messageId,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable String externalId) {

    public enum Status {
        QUEUED,
        SENDING,
        SENT,
        FAILED
    }
}
