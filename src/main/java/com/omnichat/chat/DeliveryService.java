package com.omnichat.chat;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.omnichat.channel.DeliveryReports;

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

    DeliveryService(JdbcClient jdbc, MessageStore messages, ChatUpdates updates) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.updates = updates;
    }

    /** The provider accepted the message and gave it this id (a new one when a retry sent it again). */
    @Override
    public void sent(long messageId, String externalId) {
        jdbc.sql("update message set external_id = ? where id = ?")
                .params(externalId, messageId).update();
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
                        where id = ? and kind = 'MANAGER' and delivery_status in ('PENDING', 'SENT')""")
                .params(shortReason, messageId).update();
        if (changed > 0 && conversation.isPresent()) {
            long channelId = channelOf(conversation.get());
            messages.insertSystemMessage(conversation.get(), channelId, null, "delivery-failed", shortReason);
            updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, conversation.get(), channelId, null));
        }
    }

    private void advance(long messageId, DeliveryStatus status, @Nullable String reason) {
        // Only forward: PENDING < SENT < DELIVERED < READ.
        int changed = jdbc.sql("""
                        update message set delivery_status = ?, failure_reason = ?
                        where id = ? and kind = 'MANAGER' and delivery_status <> 'FAILED'
                          and array_position(array['PENDING','SENT','DELIVERED','READ']::varchar[], delivery_status)
                              < array_position(array['PENDING','SENT','DELIVERED','READ']::varchar[], ?::varchar)""")
                .params(status.name(), reason, messageId, status.name()).update();
        if (changed > 0) {
            messages.conversationOf(messageId).ifPresent(c ->
                    updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, c, channelOf(c), null)));
        }
    }

    private long channelOf(long conversationId) {
        return jdbc.sql("select channel_id from conversation where id = ?").param(conversationId)
                .query(Long.class).single();
    }
}
