package com.omnichat.quickreply;

import org.jspecify.annotations.Nullable;

/** A template as views see it; {@code ownerId} is null for a shared template. */
public record QuickReply(
        long id,
        String title,
        String body,
        @Nullable String shortcut,
        boolean active,
        @Nullable Long ownerId,
        long usageCount,
        long version) {

    public boolean shared() {
        return ownerId == null;
    }
}
