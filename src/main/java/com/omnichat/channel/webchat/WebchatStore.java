package com.omnichat.channel.webchat;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The widget's own tables: visitors and the visitor's side of each chat (plain SQL). */
@Component
class WebchatStore {

    /** One line of the visitor's chat as the widget shows it. */
    record Line(
            long seq,
            long messageId,
            boolean fromVisitor,
            @Nullable String clientMessageId,
            @Nullable String body,
            List<String> fileNames,
            Instant createdAt,
            @Nullable Instant deliveredAt,
            @Nullable Instant readAt) {}

    record Visitor(
            String visitorId,
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone,
            boolean contactsPending) {}

    private static final String LINE = """
            select seq, message_id, from_visitor, client_message_id, body, file_names, created_at, delivered_at, read_at
            from webchat_message""";

    private final JdbcClient jdbc;

    WebchatStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Visitor> visitor(long channelId, String visitorId) {
        return jdbc.sql("""
                        select visitor_id, name, email, phone, contacts_pending from webchat_visitor
                        where channel_id = ? and visitor_id = ?""")
                .params(channelId, visitorId)
                .query((rs, n) -> new Visitor(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .optional();
    }

    /** Records that the visitor is here (creating his row the first time). */
    void touch(long channelId, String visitorId) {
        jdbc.sql("""
                        insert into webchat_visitor (channel_id, visitor_id) values (?, ?)
                        on conflict (channel_id, visitor_id) do update set last_seen_at = now()""").params(channelId, visitorId).update();
    }

    void saveContacts(
            long channelId,
            String visitorId,
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone,
            boolean pending) {
        jdbc.sql("""
                        insert into webchat_visitor (channel_id, visitor_id, name, email, phone, contacts_pending)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (channel_id, visitor_id) do update
                        set name = excluded.name, email = excluded.email, phone = excluded.phone,
                            contacts_pending = excluded.contacts_pending, last_seen_at = now()""").params(channelId, visitorId, name, email, phone, pending).update();
    }

    void contactsApplied(long channelId, String visitorId) {
        jdbc.sql("update webchat_visitor set contacts_pending = false where channel_id = ? and visitor_id = ?")
                .params(channelId, visitorId)
                .update();
    }

    /** Adds a line; a message already shown keeps its first line. Returns the line either way. */
    Line add(
            long channelId,
            String visitorId,
            long messageId,
            boolean fromVisitor,
            @Nullable String clientMessageId,
            @Nullable String body,
            List<String> fileNames) {
        jdbc.sql("""
                        insert into webchat_message (channel_id, visitor_id, message_id, from_visitor, client_message_id,
                                                     body, file_names)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing""")
                .params(
                        channelId,
                        visitorId,
                        messageId,
                        fromVisitor,
                        clientMessageId,
                        body,
                        fileNames.toArray(String[]::new))
                .update();
        return jdbc.sql(LINE + " where message_id = ?")
                .param(messageId)
                .query(WebchatStore::line)
                .single();
    }

    /** Lines after {@code afterSeq}, oldest first, at most {@code limit}. */
    List<Line> after(long channelId, String visitorId, long afterSeq, int limit) {
        return jdbc.sql(LINE + " where channel_id = ? and visitor_id = ? and seq > ? order by seq limit ?")
                .params(channelId, visitorId, afterSeq, limit)
                .query(WebchatStore::line)
                .list();
    }

    /** The newest lines before {@code beforeSeq}, returned oldest first. */
    List<Line> before(long channelId, String visitorId, long beforeSeq, int limit) {
        List<Line> newestFirst = jdbc.sql(
                        LINE + " where channel_id = ? and visitor_id = ? and seq < ? order by seq desc limit ?")
                .params(channelId, visitorId, beforeSeq, limit)
                .query(WebchatStore::line)
                .list();
        return newestFirst.reversed();
    }

    /** Replies now on the visitor's screen; returns the inbox ids of those not marked before. */
    List<Long> markDelivered(long channelId, String visitorId, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        update webchat_message set delivered_at = now()
                        where channel_id = ? and visitor_id = ? and seq = any(?) and not from_visitor
                          and delivered_at is null returning message_id""")
                .params(channelId, visitorId, seqs.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    /** Replies up to {@code upToSeq} seen in the open window; returns the inbox ids not marked before. */
    List<Long> markRead(long channelId, String visitorId, long upToSeq) {
        return jdbc.sql("""
                        update webchat_message set read_at = now(), delivered_at = coalesce(delivered_at, now())
                        where channel_id = ? and visitor_id = ? and seq <= ? and not from_visitor and read_at is null
                        returning message_id""")
                .params(channelId, visitorId, upToSeq)
                .query(Long.class)
                .list();
    }

    private static Line line(ResultSet rs, int n) throws SQLException {
        Array files = rs.getArray("file_names");
        var delivered = rs.getTimestamp("delivered_at");
        var read = rs.getTimestamp("read_at");
        return new Line(
                rs.getLong("seq"),
                rs.getLong("message_id"),
                rs.getBoolean("from_visitor"),
                rs.getString("client_message_id"),
                rs.getString("body"),
                files == null ? List.of() : Arrays.asList((String[]) files.getArray()),
                rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant(),
                read == null ? null : read.toInstant());
    }
}
