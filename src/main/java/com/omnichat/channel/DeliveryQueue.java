package com.omnichat.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable outbound queue (PostgreSQL). The inbox enqueues a manager's message inside
 * the transaction that stores it, so a message is queued exactly when it exists; the
 * delivery worker sends it after commit (and on every node's schedule), retries with
 * backoff and reports through {@link DeliveryReports}.
 */
@Service
public class DeliveryQueue {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DeliveryQueue(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Queues the message for sending (again, for a manager's Retry: attempts start over).
     * A message whose send failed part-way keeps the parts the provider accepted (they are
     * not repeated); a message the provider accepted and reported failed later (status SENT)
     * starts from nothing, so it is really sent again. Must run in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(long channelId, long conversationId, long messageId) {
        jdbc.sql("""
                        insert into outbound_message (message_id, channel_id, conversation_id, status)
                        values (?, ?, ?, 'QUEUED')
                        on conflict (message_id) do update set status = 'QUEUED', attempts = 0, next_attempt_at = now(), queued_at = now(),
                            lease_until = null, lease_token = null, last_error = null, updated_at = now(),
                            parts_sent = case when outbound_message.status = 'SENT' then 0 else outbound_message.parts_sent end,
                            external_id = case when outbound_message.status = 'SENT' then null
                                               else outbound_message.external_id end""").params(messageId, channelId, conversationId).update();
        // Heard after commit: this node's worker starts at once instead of on its next tick.
        events.publishEvent(new MessageEnqueued(messageId, channelId));
    }

    @Transactional(readOnly = true)
    public Optional<DeliveryState> state(long messageId) {
        return jdbc.sql("""
                        select message_id, status, attempts, next_attempt_at, last_error, external_id
                        from outbound_message where message_id = ?""").param(messageId).query(DeliveryQueue::state).optional();
    }

    private static DeliveryState state(ResultSet rs, int n) throws SQLException {
        return new DeliveryState(
                rs.getLong(1),
                DeliveryState.Status.valueOf(rs.getString(2)),
                rs.getInt(3),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                rs.getString(6));
    }

    /** Published when a message was queued; the worker listens after commit. */
    public record MessageEnqueued(long messageId, long channelId) {}
}
