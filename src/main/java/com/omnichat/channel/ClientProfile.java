package com.omnichat.channel;

import org.jspecify.annotations.Nullable;

/**
 * Who wrote, as the channel describes him: the channel's user id plus the profile the
 * channel shows (name, nickname such as a Telegram username, photo).
 */
public record ClientProfile(String externalUserId, String displayName, @Nullable String nickname,
                            @Nullable String photoUrl) {

    public ClientProfile {
        if (externalUserId.isBlank()) {
            throw new IllegalArgumentException("externalUserId is required");
        }
    }
}
