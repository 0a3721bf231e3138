package com.omnichat.customer;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A client as other features see him: a lead until saved as a buyer. {@code channelIds}
 * are the channels of his identities; {@code version} guards concurrent card edits.
 * {@code phoneVerified}/{@code emailVerified}: staff entered or confirmed the contact (false
 * for one the client left himself, e.g. in the site widget's form; meaningless while empty).
 */
public record ClientSummary(
        long id,
        String name,
        @Nullable String nickname,
        @Nullable String photoUrl,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String note,
        boolean buyer,
        Set<Long> channelIds,
        long version,
        boolean phoneVerified,
        boolean emailVerified) {

    public ClientSummary {
        channelIds = Set.copyOf(channelIds);
    }

    /** He has a phone nobody of the staff checked (the card marks it). */
    public boolean phoneUnverified() {
        return phone != null && !phoneVerified;
    }

    /** He has an e-mail nobody of the staff checked (the card marks it). */
    public boolean emailUnverified() {
        return email != null && !emailVerified;
    }
}
