package com.omnichat.channel.connector;

import org.jspecify.annotations.Nullable;

/**
 * A photo or file the provider holds: its reference (a Telegram file_id, a Viber media URL),
 * and what the provider says about it (possibly nothing).
 */
public record MediaRef(
        String reference,
        @Nullable String fileName,
        @Nullable String contentType,
        @Nullable Long size,
        boolean image) {}
