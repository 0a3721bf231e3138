package com.omnichat.chat;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A message as the chat window shows it. System messages carry a code and arguments to translate. */
public record MessageView(
        long id,
        MessageKind kind,
        @Nullable Long authorId,
        @Nullable String authorName,
        @Nullable String body,
        @Nullable String systemCode,
        List<String> systemArgs,
        @Nullable Quote replyTo,
        @Nullable DeliveryStatus status,
        @Nullable String failureReason,
        boolean edited,
        Instant createdAt,
        List<AttachmentView> attachments,
        Marks marks,
        @Nullable MailPart mail) {

    /**
     * What the channel adds to a message: the client's reaction, that he deleted it, the
     * provider's app it was sent from (a manager message without author), and its origin
     * ({@code COMMENT}, {@code COMMENT_REPLY}, {@code AD_COMMENT}, {@code STORY_REPLY},
     * {@code STORY_MENTION}, {@code SHARE}, {@code UNSUPPORTED}, {@code CHOICE}; manager messages:
     * {@code COMMENT_ANSWER}, {@code PRIVATE_REPLY}) with its link (the post, the story) and the
     * post's caption; a comment may be hidden or deleted by the shop.
     */
    public record Marks(
            @Nullable String reaction,
            boolean deletedByClient,
            @Nullable String sentFromApp,
            @Nullable String origin,
            @Nullable String originUrl,
            @Nullable String postCaption,
            boolean commentHidden,
            boolean commentDeleted) {

        public static final Marks NONE = new Marks(null, false, null, null, null, null, false, false);

        /** A client's comment on the shop's post (or ad, or in a comment thread). */
        public boolean comment() {
            return "COMMENT".equals(origin) || "COMMENT_REPLY".equals(origin) || "AD_COMMENT".equals(origin);
        }
    }

    /**
     * What an e-mail adds: its subject, sanitized HTML (only when it had no plain text; remote
     * images not loaded, {@code cid:N} is the N-th attachment), the quoted history and
     * signature (shown collapsed), and whether it was an automatic reply.
     */
    public record MailPart(
            @Nullable String subject,
            @Nullable String html,
            @Nullable String quoted,
            boolean automatic) {}

    /**
     * The message a reply quotes, shortened. A quote the provider sent along for an original
     * that is not stored here has no {@code id} and no {@code kind}, only the author's name as
     * the provider gave it.
     */
    public record Quote(
            @Nullable Long id,
            @Nullable MessageKind kind,
            @Nullable String authorName,
            String excerpt) {}
}
