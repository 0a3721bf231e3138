package com.omnichat.chat;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A message as the chat window shows it. System messages carry a code and arguments to translate. */
public record MessageView(long id, MessageKind kind, @Nullable Long authorId, @Nullable String authorName,
                          @Nullable String body, @Nullable String systemCode, List<String> systemArgs,
                          @Nullable Quote replyTo, @Nullable DeliveryStatus status, @Nullable String failureReason,
                          boolean edited, Instant createdAt, List<AttachmentView> attachments) {

    /** The message a reply quotes, shortened. */
    public record Quote(long id, MessageKind kind, @Nullable String authorName, String excerpt) {
    }
}
