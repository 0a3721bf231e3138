package com.omnichat.chat;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.omnichat.customer.ClientProfileRefreshed;

/** Keeps the chat list's copy of the client's name, nickname and photo in step with refreshed profiles. */
@Component
class ConversationProfiles {

    private final JdbcClient jdbc;
    private final ChatUpdates updates;

    ConversationProfiles(JdbcClient jdbc, ChatUpdates updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    // In the refreshing transaction: the copy changes with the client.
    @EventListener
    void on(ClientProfileRefreshed event) {
        jdbc.sql("""
                        update conversation set client_name = ?, client_nickname = ?, client_photo_url = ?
                        where client_id = ? and (client_name, coalesce(client_nickname, ''), coalesce(client_photo_url, ''))
                              is distinct from (?, coalesce(?, ''), coalesce(?, ''))
                        returning id, channel_id""")
                .params(event.name(), event.nickname(), event.photoUrl(), event.clientId(), event.name(),
                        event.nickname(), event.photoUrl())
                .query((rs, n) -> new ChatEvent(ChatEvent.Type.UPDATED, rs.getLong(1), rs.getLong(2), null))
                .list().forEach(updates::publish);
    }
}
