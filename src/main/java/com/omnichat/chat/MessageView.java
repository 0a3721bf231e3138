package com.omnichat.chat;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A message as the chat window shows it. System messages carry a code and arguments to translate. */
public record MessageView(long id, MessageKind kind, @Nullable Long authorId, @Nullable String authorName,
                          @Nullable String body, @Nullable String systemCode, List<String> systemArgs,
                          @Nullable Quote replyTo, @Nullable DeliveryStatus status, @Nullable String failureReason,
                          boolean edited, Instant createdAt, List<AttachmentView> attachments) {

    /**
     * The message a reply quotes, shortened. A quote the provider sent along for an original
     * that is not stored here has no {@code id} and no {@code kind}, only the author's name as
     * the provider gave it.
     */
    public record Quote(@Nullable Long id, @Nullable MessageKind kind, @Nullable String authorName, String excerpt) {
    }
}
