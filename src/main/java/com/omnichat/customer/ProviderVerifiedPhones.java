package com.omnichat.customer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A phone the provider proves the client holds (WhatsApp's {@code wa_id}) against the cards:
 * it joins the client whose card has that phone only when staff verified the card's phone. A
 * card phone nobody checked (the client typed it, e.g. in the site chat's form) may be
 * anyone's, so it never links by itself: the pair is flagged for an administrator instead.
 */
@Component
class ProviderVerifiedPhones {

    private final JdbcClient jdbc;

    ProviderVerifiedPhones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The client whose card has this phone (a buyer first, a verified phone first), or null. */
    @Nullable
    Holder holder(String phone) {
        return jdbc.sql("""
                        select id, phone_verified from client where phone = ? and merged_into is null
                        order by buyer desc, phone_verified desc, id limit 1""")
                .param(phone)
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getBoolean(2)))
                .optional()
                .orElse(null);
    }

    /** The new client may be the card's holder: an administrator decides (the existing duplicate flags). */
    void flag(long newClientId, Holder holder, String phone) {
        jdbc.sql("""
                        insert into client_duplicate_flag (client_id, other_client_id, reason, contact, unverified, flagged_by)
                        values (?, ?, 'SAME_PHONE', ?, true, null) on conflict (client_id, other_client_id, reason) do nothing""").params(newClientId, holder.clientId(), phone).update();
    }

    record Holder(long clientId, boolean verified) {}
}
