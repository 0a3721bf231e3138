package com.omnichat.customer;

import org.jspecify.annotations.Nullable;

/** Published when a channel refreshed a client's name, nickname or photo; copies (the chat list) follow. */
public record ClientProfileRefreshed(
        long clientId,
        String name,
        @Nullable String nickname,
        @Nullable String photoUrl) {}
