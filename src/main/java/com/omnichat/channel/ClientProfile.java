package com.omnichat.channel;

import org.jspecify.annotations.Nullable;

/**
 * Who wrote, as the channel describes him: the channel's user id plus the profile the
 * channel shows (name, nickname such as a Telegram username, photo).
 *
 * @param verifiedPhone  a phone (E.164) the provider itself proves the client holds (WhatsApp's
 *                       {@code wa_id}), never one the client typed; it may join him to the client
 *                       whose card has that phone verified
 * @param providerUserId another id the provider gives him besides the identity key (WhatsApp's
 *                       business-scoped {@code user_id}), kept on the identity
 */
public record ClientProfile(
        String externalUserId,
        String displayName,
        @Nullable String nickname,
        @Nullable String photoUrl,
        @Nullable String verifiedPhone,
        @Nullable String providerUserId) {

    public ClientProfile {
        if (externalUserId.isBlank()) {
            throw new IllegalArgumentException("externalUserId is required");
        }
    }

    public ClientProfile(
            String externalUserId, String displayName, @Nullable String nickname, @Nullable String photoUrl) {
        this(externalUserId, displayName, nickname, photoUrl, null, null);
    }
}
