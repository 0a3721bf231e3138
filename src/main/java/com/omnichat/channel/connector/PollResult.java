package com.omnichat.channel.connector;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Updates fetched by polling, raw (stored as they are), and the cursor to ask from next time. */
public record PollResult(List<RawUpdate> updates, @Nullable String nextCursor) {

    public PollResult {
        updates = List.copyOf(updates);
    }

    /** One update's raw body and its provider key (e.g. update_id). */
    public record RawUpdate(String key, byte[] body) {}
}
