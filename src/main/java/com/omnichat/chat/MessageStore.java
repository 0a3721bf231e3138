package com.omnichat.chat;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes messages and their attachments (plain SQL: the hot path of the inbox). */
@Component
class MessageStore {

    static final int PREVIEW_LENGTH = 140;

    /** A message with the message it replies to (for the quote). */
    private static final String SELECT_WITH_QUOTE = """
            select m.id, m.kind, m.author_id, m.body, m.system_code, m.system_args, m.reply_to_id,
                   m.delivery_status, m.failure_reason, m.edited, m.created_at, m.quote_author, m.quote_text,
                   m.client_reaction, m.client_deleted_at, m.sent_from_app, m.origin, m.origin_url, m.post_caption,
                   m.comment_hidden, m.comment_deleted,
                   r.kind as r_kind, r.author_id as r_author, r.body as r_body
            from message m left join message r on r.id = m.reply_to_id""";

    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertStaffMessage(
            long conversationId,
            long channelId,
            MessageKind kind,
            long authorId,
            String body,
            @Nullable Long replyToId) {
        String status = kind == MessageKind.MANAGER ? DeliveryStatus.PENDING.name() : null;
        return jdbc.sql("""
                        insert into message (conversation_id, channel_id, kind, author_id, body, reply_to_id, delivery_status)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(conversationId, channelId, kind.name(), authorId, body, replyToId, status)
                .query(Long.class)
                .single();
    }

    /** A failed manager message of the conversation is pending again; false when there is none such. */
    boolean requeueFailed(long messageId, long conversationId) {
        return jdbc.sql("""
                        update message set delivery_status = 'PENDING', failure_reason = null
                        where id = ? and conversation_id = ? and kind = 'MANAGER' and delivery_status = 'FAILED'""").params(messageId, conversationId).update() > 0;
    }

    /** A manager's message that goes elsewhere than the direct chat (an answer under a comment, a private reply). */
    void markOrigin(long messageId, String origin) {
        jdbc.sql("update message set origin = ? where id = ?")
                .params(origin, messageId)
                .update();
    }

    long insertSystemMessage(
            long conversationId, long channelId, @Nullable Long authorId, String code, String... args) {
        return jdbc.sql("""
                        insert into message (conversation_id, channel_id, kind, author_id, system_code, system_args)
                        values (?, ?, 'SYSTEM', ?, ?, ?) returning id""")
                .params(conversationId, channelId, authorId, code, args)
                .query(Long.class)
                .single();
    }

    void insertAttachment(long messageId, String fileName, String contentType, byte[] content) {
        long fileId = jdbc.sql("insert into stored_file (content) values (?) returning id")
                .param(content)
                .query(Long.class)
                .single();
        String kind = contentType.startsWith("image/") ? "IMAGE" : "FILE";
        jdbc.sql("""
                        insert into attachment (message_id, kind, file_name, content_type, size_bytes, file_id)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(messageId, kind, fileName, contentType, content.length, fileId)
                .update();
    }

    /** A client's file not downloaded yet: a placeholder row without content. */
    long insertPlaceholder(long messageId, String fileName, String contentType, boolean image, long sizeBytes) {
        return jdbc.sql("""
                        insert into attachment (message_id, kind, file_name, content_type, size_bytes, status)
                        values (?, ?, ?, ?, ?, 'PENDING') returning id""")
                .params(messageId, image ? "IMAGE" : "FILE", clip(fileName, 255), clip(contentType, 100), sizeBytes)
                .query(Long.class)
                .single();
    }

    /** The placeholder gets its file; false when it is no placeholder (any more). */
    boolean fillPlaceholder(long attachmentId, String fileName, String contentType, byte[] content) {
        long fileId = jdbc.sql("insert into stored_file (content) values (?) returning id")
                .param(content)
                .query(Long.class)
                .single();
        int updated = jdbc.sql("""
                        update attachment set kind = ?, file_name = ?, content_type = ?, size_bytes = ?, file_id = ?,
                               status = 'STORED', failure_reason = null
                        where id = ? and status <> 'STORED'""")
                .params(
                        contentType.startsWith("image/") ? "IMAGE" : "FILE",
                        clip(fileName, 255),
                        clip(contentType, 100),
                        content.length,
                        fileId,
                        attachmentId)
                .update();
        if (updated == 0) {
            jdbc.sql("delete from stored_file where id = ?").param(fileId).update();
        }
        return updated > 0;
    }

    /** Sets a placeholder's status (PENDING again for a retry, FAILED with the reason); false when none changed. */
    boolean markPlaceholder(long attachmentId, AttachmentView.Status status, @Nullable String reason) {
        return jdbc.sql("""
                        update attachment set status = ?, failure_reason = ?
                        where id = ? and status <> 'STORED' and status is distinct from ?""")
                        .params(status.name(), reason == null ? null : clip(reason, 500), attachmentId, status.name())
                        .update()
                > 0;
    }

    /** The conversation and channel of an attachment's message. */
    Optional<MessagePlace> placeOfAttachment(long attachmentId) {
        return jdbc.sql("""
                        select m.id, m.conversation_id, m.channel_id, a.status from attachment a
                        join message m on m.id = a.message_id where a.id = ?""")
                .param(attachmentId)
                .query((rs, n) -> new MessagePlace(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), AttachmentView.Status.valueOf(rs.getString(4))))
                .optional();
    }

    record MessagePlace(long messageId, long conversationId, long channelId, AttachmentView.Status status) {}

    Optional<Long> findByExternalId(long channelId, String externalId) {
        return jdbc.sql("select id from message where channel_id = ? and external_id = ?")
                .params(channelId, externalId)
                .query(Long.class)
                .optional();
    }

    /** The message the channel delivered with this id, and its conversation. */
    Optional<Delivered> delivered(long channelId, String externalId) {
        return jdbc.sql("select id, conversation_id from message where channel_id = ? and external_id = ?")
                .params(channelId, externalId)
                .query((rs, n) -> new Delivered(rs.getLong(1), rs.getLong(2)))
                .optional();
    }

    record Delivered(long messageId, long conversationId) {}

    Optional<Long> conversationOf(long messageId) {
        return jdbc.sql("select conversation_id from message where id = ?")
                .param(messageId)
                .query(Long.class)
                .optional();
    }

    /** A page of history, newest first: messages with id below {@code beforeId}. */
    List<Raw> history(long conversationId, @Nullable Long beforeId, int limit) {
        return jdbc.sql(SELECT_WITH_QUOTE + " where m.conversation_id = ? and m.id < ? order by m.id desc limit ?")
                .params(conversationId, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
                .query(MessageStore::raw)
                .list();
    }

    Optional<Raw> one(long messageId) {
        return jdbc.sql(SELECT_WITH_QUOTE + " where m.id = ?")
                .param(messageId)
                .query(MessageStore::raw)
                .optional();
    }

    Map<Long, List<AttachmentView>> attachments(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        select message_id, id, kind, file_name, content_type, size_bytes, status, failure_reason
                        from attachment where message_id = any(?) order by id""")
                .param(messageIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getLong(1),
                        new AttachmentView(
                                rs.getLong(2),
                                "IMAGE".equals(rs.getString(3)),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getLong(6),
                                AttachmentView.Status.valueOf(rs.getString(7)),
                                rs.getString(8))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** The e-mail parts of those messages that have any (one statement for a page). */
    Map<Long, MessageView.MailPart> mailParts(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        select id, subject, html, quoted, automatic from message
                        where id = any(?) and (subject is not null or html is not null or quoted is not null or automatic)""")
                .param(messageIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getLong(1),
                        new MessageView.MailPart(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The attachment's conversation and content, for a download after the access check. */
    Optional<StoredContent> content(long attachmentId) {
        return jdbc.sql("""
                        select m.conversation_id, a.file_name, a.content_type, f.content
                        from attachment a join message m on m.id = a.message_id join stored_file f on f.id = a.file_id
                        where a.id = ?""")
                .param(attachmentId)
                .query((rs, n) -> new StoredContent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    record StoredContent(long conversationId, String fileName, String contentType, byte[] content) {}

    static String preview(@Nullable String body, int attachments) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() && attachments > 0) {
            text = "📎";
        }
        return text.length() <= PREVIEW_LENGTH ? text : text.substring(0, PREVIEW_LENGTH - 1) + "…";
    }

    private static Raw raw(ResultSet rs, int n) throws SQLException {
        long author = rs.getLong("author_id");
        Long authorId = rs.wasNull() ? null : author;
        long replyTo = rs.getLong("reply_to_id");
        Long replyToId = rs.wasNull() ? null : replyTo;
        long replyAuthor = rs.getLong("r_author");
        Long replyAuthorId = rs.wasNull() ? null : replyAuthor;
        Array args = rs.getArray("system_args");
        String status = rs.getString("delivery_status");
        String replyKind = rs.getString("r_kind");
        return new Raw(
                rs.getLong("id"),
                MessageKind.valueOf(rs.getString("kind")),
                authorId,
                rs.getString("body"),
                rs.getString("system_code"),
                args == null ? List.of() : Arrays.asList((String[]) args.getArray()),
                replyToId,
                replyKind == null ? null : MessageKind.valueOf(replyKind),
                replyAuthorId,
                rs.getString("r_body"),
                status == null ? null : DeliveryStatus.valueOf(status),
                rs.getString("failure_reason"),
                rs.getBoolean("edited"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("quote_author"),
                rs.getString("quote_text"),
                new MessageView.Marks(
                        rs.getString("client_reaction"),
                        rs.getTimestamp("client_deleted_at") != null,
                        rs.getString("sent_from_app"),
                        rs.getString("origin"),
                        rs.getString("origin_url"),
                        rs.getString("post_caption"),
                        rs.getBoolean("comment_hidden"),
                        rs.getBoolean("comment_deleted")));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    record Raw(
            long id,
            MessageKind kind,
            @Nullable Long authorId,
            @Nullable String body,
            @Nullable String systemCode,
            List<String> systemArgs,
            @Nullable Long replyToId,
            @Nullable MessageKind replyKind,
            @Nullable Long replyAuthorId,
            @Nullable String replyBody,
            @Nullable DeliveryStatus status,
            @Nullable String failureReason,
            boolean edited,
            Instant createdAt,
            @Nullable String quoteAuthor,
            @Nullable String quoteText,
            MessageView.Marks marks) {}
}
