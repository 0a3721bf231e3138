package com.omnichat.chat;

import com.omnichat.customer.ClientIdentityRef;
import com.omnichat.customer.ClientSummary;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Changes to conversation rows: who is responsible, the state, the counters after a reply,
 * new chats and e-mail threads, the list's copy of the client. Reads are
 * {@link ConversationQueries}'; a change to one chat locks its row first
 * ({@link ConversationQueries#lock}). A client message and its counters are one statement
 * of {@link MessageIngestion} (the hot path).
 */
@Component
class ConversationChanges {

    private final JdbcClient jdbc;

    ConversationChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The manager who replies first becomes responsible (the reply itself moves {@code updated_at}). */
    void takeOnFirstReply(long conversationId, long userId) {
        jdbc.sql("update conversation set responsible_id = ? where id = ?")
                .params(userId, conversationId)
                .update();
    }

    /** A manager replied: the badge is cleared, the chat is answered and shows his message last. */
    void answered(long conversationId, String preview) {
        jdbc.sql("""
                        update conversation set unread_count = 0, unanswered = false, last_message_at = now(),
                               last_message_preview = ?, last_message_kind = 'MANAGER', updated_at = now()
                        where id = ?""").params(preview, conversationId).update();
    }

    void assign(long conversationId, @Nullable Long userId) {
        jdbc.sql("update conversation set responsible_id = ?, updated_at = now() where id = ?")
                .params(userId, conversationId)
                .update();
    }

    void state(long conversationId, ConversationState state) {
        jdbc.sql("update conversation set state = ?, updated_at = now() where id = ?")
                .params(state.name(), conversationId)
                .update();
    }

    /**
     * Creates the identity's direct chat on its channel; empty when it has one already (or a
     * concurrent message created it first).
     */
    Optional<Long> createForIdentity(long channelId, ClientIdentityRef client, Instant at) {
        // One chat per identity: the thread key stays null, and nulls are not distinct in the key.
        return createThread(channelId, client, at, null, null, null);
    }

    /** A new e-mail thread of the identity; empty when the thread key is taken (a concurrent first mail). */
    Optional<Long> createThread(
            long channelId,
            ClientIdentityRef client,
            Instant at,
            @Nullable String threadKey,
            @Nullable String subject,
            @Nullable String threadSubject) {
        return jdbc.sql("""
                        insert into conversation (channel_id, client_id, identity_id, sort_at, created_at, client_name,
                                                  client_nickname, client_photo_url, thread_key, subject, thread_subject)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (identity_id, thread_key) do nothing
                        returning id""")
                .params(
                        channelId,
                        client.clientId(),
                        client.identityId(),
                        Timestamp.from(at),
                        Timestamp.from(at),
                        client.name(),
                        client.nickname(),
                        client.photoUrl(),
                        threadKey,
                        subject,
                        threadSubject)
                .query(Long.class)
                .optional();
    }

    /** The lead's chats follow him to the buyer he was merged into, with the buyer's name and photo. */
    void moveClient(long leadId, ClientSummary buyer) {
        jdbc.sql("""
                        update conversation set client_id = ?, client_name = ?, client_nickname = ?, client_photo_url = ?,
                               updated_at = now()
                        where client_id = ?""")
                .params(buyer.id(), buyer.name(), buyer.nickname(), buyer.photoUrl(), leadId)
                .update();
    }

    void renameClient(long clientId, @Nullable String name) {
        jdbc.sql("update conversation set client_name = ?, updated_at = now() where client_id = ?")
                .params(name, clientId)
                .update();
    }

    /** The list's copy of the client's profile, where it differs; the chats that changed. */
    List<ConversationQueries.Ref> refreshClientProfile(
            long clientId, String name, @Nullable String nickname, @Nullable String photoUrl) {
        return jdbc.sql("""
                        update conversation set client_name = ?, client_nickname = ?, client_photo_url = ?
                        where client_id = ? and (client_name, coalesce(client_nickname, ''), coalesce(client_photo_url, ''))
                              is distinct from (?, coalesce(?, ''), coalesce(?, ''))
                        returning id, channel_id""")
                .params(name, nickname, photoUrl, clientId, name, nickname, photoUrl)
                .query((rs, n) -> new ConversationQueries.Ref(rs.getLong(1), rs.getLong(2)))
                .list();
    }
}
