package com.omnichat.channel;

/** The stored message and whether this delivery was a duplicate of one already stored. */
public record IngestResult(long messageId, long conversationId, boolean duplicate) {
}
