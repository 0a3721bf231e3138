package com.omnichat.channel;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The background downloads of clients' files (the durable queue in PostgreSQL, worked on
 * every node). The inbox asks for a new try of a download that was given up; the access
 * check is the inbox's (who may see the chat).
 */
@Service
public class MediaDownloads {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MediaDownloads(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Queues the given-up download of the placeholder {@code attachmentId} again, attempts
     * starting over; false when there is none to retry. Must run in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean retry(long attachmentId) {
        int updated = jdbc.sql("""
                        update media_download set status = 'QUEUED', attempts = 0, next_attempt_at = now(),
                               lease_until = null, lease_token = null, last_error = null, updated_at = now()
                        where attachment_id = ? and status = 'FAILED'""").param(attachmentId).update();
        if (updated > 0) {
            events.publishEvent(new Queued(attachmentId));
        }
        return updated > 0;
    }

    /** Published when a download was queued; the worker of this node listens after commit. */
    public record Queued(long attachmentId) {}
}
