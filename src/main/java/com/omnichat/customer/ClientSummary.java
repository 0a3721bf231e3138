package com.omnichat.customer;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A client as other features see him: a lead until saved as a buyer. {@code channelIds}
 * are the channels of his identities; {@code version} guards concurrent card edits.
 */
public record ClientSummary(long id, String name, @Nullable String nickname, @Nullable String photoUrl,
                            @Nullable String phone, @Nullable String email, @Nullable String note, boolean buyer,
                            Set<Long> channelIds, long version) {

    public ClientSummary {
        channelIds = Set.copyOf(channelIds);
    }
}
