package com.omnichat.chat;

import com.omnichat.channel.DeliveryReports;
import com.omnichat.customer.ClientIdentities;
import com.omnichat.customer.ClientIdentityRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract through which channel connectors report what happened to a manager's
 * message. Statuses only move forward (a late "delivered" never undoes "read"); a failure
 * is shown in the chat with its reason and can be retried by a manager.
 */
@Service
@Transactional
public class DeliveryService implements DeliveryReports {

    private final JdbcClient jdbc;
    private final MessageStore messages;
    private final ChatUpdates updates;
    private final ClientIdentities identities;
    private final ConversationQueries conversations;

    DeliveryService(
            JdbcClient jdbc,
            MessageStore messages,
            ChatUpdates updates,
            ClientIdentities identities,
            ConversationQueries conversations) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.updates = updates;
        this.identities = identities;
        this.conversations = conversations;
    }

    /** The provider accepted the message and gave it this id (a new one when a retry sent it again). */
    @Override
    public void sent(long messageId, String externalId) {
        // The provider's echo of this very send may have arrived first and been stored as a message
        // "sent from the app" with this id: it was ours, so it goes and this message keeps the id.
        jdbc.sql("""
                        select e.id, e.conversation_id from message e join message m on m.id = ?
                        where e.channel_id = m.channel_id and e.external_id = ? and e.id <> m.id
                          and e.sent_from_app is not null and e.kind = 'MANAGER'""")
                .params(messageId, externalId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional()
                .ifPresent(echo -> {
                    jdbc.sql("update message set reply_to_id = null where reply_to_id = ?")
                            .param(echo[0])
                            .update();
                    jdbc.sql("delete from attachment where message_id = ?")
                            .param(echo[0])
                            .update();
                    jdbc.sql("delete from message where id = ?").param(echo[0]).update();
                    updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, echo[1], channelOf(echo[1]), null));
                });
        jdbc.sql("update message set external_id = ? where id = ?")
                .params(externalId, messageId)
                .update();
        advance(messageId, DeliveryStatus.SENT, null);
    }

    @Override
    public void delivered(long channelId, String externalId) {
        messages.findByExternalId(channelId, externalId).ifPresent(id -> advance(id, DeliveryStatus.DELIVERED, null));
    }

    @Override
    public void read(long channelId, String externalId) {
        messages.findByExternalId(channelId, externalId).ifPresent(id -> advance(id, DeliveryStatus.READ, null));
    }

    /** The provider reported a failure later, by its own id (e.g. Viber's "failed" callback). */
    @Override
    public void failed(long channelId, String externalId, String reason) {
        messages.findByExternalId(channelId, externalId).ifPresent(id -> failed(id, reason));
    }

    /** A permanent failure: the message is marked failed with the reason, and the chat records it. */
    @Override
    public void failed(long messageId, String reason) {
        String shortReason = reason.length() <= 500 ? reason : reason.substring(0, 500);
        Optional<Long> conversation = messages.conversationOf(messageId);
        int changed = jdbc.sql("""
                        update message set delivery_status = 'FAILED', failure_reason = ?
                        where id = ? and kind = 'MANAGER' and delivery_status in ('PENDING', 'SENT')""").params(shortReason, messageId).update();
        if (changed > 0 && conversation.isPresent()) {
            long channelId = channelOf(conversation.get());
            messages.insertSystemMessage(conversation.get(), channelId, null, "delivery-failed", shortReason);
            updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, conversation.get(), channelId, null));
        }
    }

    /** Every earlier sent manager message to this client on the channel is delivered or read. */
    @Override
    public void watermark(
            long channelId,
            String externalUserId,
            boolean read,
            @Nullable Instant upTo,
            @Nullable String upToExternalId) {
        if (upTo == null && upToExternalId == null) {
            return;
        }
        Long identity = identities
                .find(channelId, externalUserId)
                .map(ClientIdentityRef::identityId)
                .orElse(null);
        if (identity == null) {
            return;
        }
        List<Long> conversations = jdbc.sql("""
                        with bound as (
                            select m.id from message m where m.channel_id = :channel and m.external_id = :mid
                        )
                        update message m set delivery_status = :status
                        from conversation c
                        where m.conversation_id = c.id and c.identity_id = :identity
                          and m.channel_id = :channel and m.kind = 'MANAGER'
                          and m.delivery_status in ('SENT', :below)
                          and ((cast(:upTo as timestamptz) is not null and m.created_at <= cast(:upTo as timestamptz))
                               or m.id <= (select id from bound))
                        returning m.conversation_id""")
                .param("channel", channelId)
                .param("identity", identity)
                .param("mid", upToExternalId)
                .param("status", read ? "READ" : "DELIVERED")
                .param("below", read ? "DELIVERED" : "SENT")
                .param("upTo", upTo == null ? null : Timestamp.from(upTo))
                .query(Long.class)
                .list();
        conversations.stream()
                .distinct()
                .forEach(c -> updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, c, channelId, null)));
    }

    private void advance(long messageId, DeliveryStatus status, @Nullable String reason) {
        // Only forward: PENDING < SENT < DELIVERED < READ.
        int changed = jdbc.sql("""
                        update message set delivery_status = ?, failure_reason = ?
                        where id = ? and kind = 'MANAGER' and delivery_status <> 'FAILED'
                          and array_position(array['PENDING','SENT','DELIVERED','READ']::varchar[], delivery_status)
                              < array_position(array['PENDING','SENT','DELIVERED','READ']::varchar[], ?::varchar)""")
                .params(status.name(), reason, messageId, status.name())
                .update();
        if (changed > 0) {
            messages.conversationOf(messageId)
                    .ifPresent(c -> updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, c, channelOf(c), null)));
        }
    }

    private long channelOf(long conversationId) {
        return conversations.channelOf(conversationId);
    }
}
