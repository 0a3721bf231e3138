package com.omnichat.channel;

import java.util.List;

/**
 * The stored message and whether this delivery was a duplicate of one already stored; for a
 * new message, the ids of the placeholder attachments, in the order of {@link InboundMessage#pending()}.
 */
public record IngestResult(long messageId, long conversationId, boolean duplicate, List<Long> pendingAttachmentIds) {

    public IngestResult {
        pendingAttachmentIds = List.copyOf(pendingAttachmentIds);
    }

    public IngestResult(long messageId, long conversationId, boolean duplicate) {
        this(messageId, conversationId, duplicate, List.of());
    }
}
