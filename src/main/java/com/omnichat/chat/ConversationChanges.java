package com.omnichat.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.omnichat.customer.ClientIdentityRef;

/**
 * Changes to a conversation row that staff and ingestion make: who is responsible, the state,
 * the counters after a reply, a new chat. Reads are {@link ConversationQueries}'; callers lock
 * the row first ({@link ConversationQueries#lock}).
 */
@Component
class ConversationChanges {

    private final JdbcClient jdbc;

    ConversationChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The manager who replies first becomes responsible (the reply itself moves {@code updated_at}). */
    void takeOnFirstReply(long conversationId, long userId) {
        jdbc.sql("update conversation set responsible_id = ? where id = ?").params(userId, conversationId).update();
    }

    /** A manager replied: the badge is cleared, the chat is answered and shows his message last. */
    void answered(long conversationId, String preview) {
        jdbc.sql("""
                        update conversation set unread_count = 0, unanswered = false, last_message_at = now(),
                               last_message_preview = ?, last_message_kind = 'MANAGER', updated_at = now()
                        where id = ?""")
                .params(preview, conversationId).update();
    }

    void assign(long conversationId, @Nullable Long userId) {
        jdbc.sql("update conversation set responsible_id = ?, updated_at = now() where id = ?")
                .params(userId, conversationId).update();
    }

    void state(long conversationId, ConversationState state) {
        jdbc.sql("update conversation set state = ?, updated_at = now() where id = ?")
                .params(state.name(), conversationId).update();
    }

    /**
     * Creates the identity's direct chat on its channel; empty when it has one already (or a
     * concurrent message created it first).
     */
    Optional<Long> createForIdentity(long channelId, ClientIdentityRef client, Instant at) {
        return jdbc.sql("""
                        insert into conversation (channel_id, client_id, identity_id, sort_at, created_at, client_name,
                                                  client_nickname, client_photo_url)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (identity_id, thread_key) do nothing returning id""")
                .params(channelId, client.clientId(), client.identityId(), Timestamp.from(at), Timestamp.from(at),
                        client.name(), client.nickname(), client.photoUrl())
                .query(Long.class).optional();
    }
}
