package com.omnichat.chat;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A message as the chat window shows it. System messages carry a code and arguments to translate. */
public record MessageView(long id, MessageKind kind, @Nullable Long authorId, @Nullable String authorName,
                          @Nullable String body, @Nullable String systemCode, List<String> systemArgs,
                          @Nullable Quote replyTo, @Nullable DeliveryStatus status, @Nullable String failureReason,
                          boolean edited, Instant createdAt, List<AttachmentView> attachments,
                          @Nullable MailPart mail) {

    public MessageView(long id, MessageKind kind, @Nullable Long authorId, @Nullable String authorName,
                       @Nullable String body, @Nullable String systemCode, List<String> systemArgs,
                       @Nullable Quote replyTo, @Nullable DeliveryStatus status, @Nullable String failureReason,
                       boolean edited, Instant createdAt, List<AttachmentView> attachments) {
        this(id, kind, authorId, authorName, body, systemCode, systemArgs, replyTo, status, failureReason, edited,
                createdAt, attachments, null);
    }

    /**
     * What an e-mail adds: its subject, sanitized HTML (only when it had no plain text; remote
     * images not loaded, {@code cid:N} is the N-th attachment), the quoted history and
     * signature (shown collapsed), and whether it was an automatic reply.
     */
    public record MailPart(@Nullable String subject, @Nullable String html, @Nullable String quoted,
                           boolean automatic) {
    }

    /**
     * The message a reply quotes, shortened. A quote the provider sent along for an original
     * that is not stored here has no {@code id} and no {@code kind}, only the author's name as
     * the provider gave it.
     */
    public record Quote(@Nullable Long id, @Nullable MessageKind kind, @Nullable String authorName, String excerpt) {
    }
}
