package com.omnichat.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.omnichat.chat.ChatFilter.StateTab;

/**
 * The chat list's SQL: one statement per page, keyset on (sort_at, id), and every filter
 * a plain predicate that one of the conversation indexes serves.
 */
@Component
class ConversationQueries {

    static final String COLUMNS = """
            id, channel_id, client_id, state, responsible_id, sort_at, last_message_at, last_message_preview,
            last_message_kind, unread_count, unanswered, client_name, client_nickname, client_photo_url""";

    private final JdbcClient jdbc;

    ConversationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> page(ChatFilter filter, Set<Long> channelIds, long currentUserId, @Nullable ChatCursor after,
                   int skip, int limit) {
        planForTheseValues();
        var where = new Where(filter, channelIds, currentUserId, filter.state());
        if (after != null) {
            where.add("(sort_at, id) < (:cursorAt, :cursorId)");
            where.params.put("cursorAt", Timestamp.from(after.sortAt()));
            where.params.put("cursorId", after.id());
        }
        where.params.put("limit", limit);
        where.params.put("skip", skip);
        return jdbc.sql("select " + COLUMNS + " from conversation where " + where.sql()
                        + " order by sort_at desc, id desc limit :limit offset :skip")
                .params(where.params).query(ConversationQueries::row).list();
    }

    /** Counts one state tab, stopping at the cap. */
    int count(ChatFilter filter, Set<Long> channelIds, long currentUserId, StateTab state) {
        planForTheseValues();
        var where = new Where(filter, channelIds, currentUserId, state);
        where.params.put("cap", TabCounts.CAP);
        return jdbc.sql("select count(*) from (select 1 from conversation where " + where.sql() + " limit :cap) capped")
                .params(where.params).query(Integer.class).single();
    }

    /** A client's chats on the given channels, latest first (a client has one per identity: few). */
    List<Row> ofClient(long clientId, Set<Long> channelIds) {
        return jdbc.sql("select " + COLUMNS + " from conversation where client_id = ? and channel_id = any(?)"
                        + " order by sort_at desc, id desc limit 100")
                .params(clientId, channelIds.toArray(Long[]::new)).query(ConversationQueries::row).list();
    }

    /**
     * The list's data is skewed (5% of chats open; a search term may match one chat or tens of
     * thousands), so a plan cached for one set of values can be ruinous for the next: after a
     * few executions PostgreSQL may switch a prepared statement to a generic plan, e.g. walk
     * the whole list filtering every row instead of using the trigram index (measured at 100,000
     * chats: 300 ms instead of 1 ms). Planning for the actual values costs ~0.1 ms. Applies to
     * the rest of the current transaction only.
     */
    private void planForTheseValues() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    @Nullable Row byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from conversation where id = ?").param(id)
                .query(ConversationQueries::row).optional().orElse(null);
    }

    /** Locks the row for a change, so counters and state move one transaction at a time. */
    @Nullable Row lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from conversation where id = ? for update").param(id)
                .query(ConversationQueries::row).optional().orElse(null);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long responsible = rs.getLong("responsible_id");
        Long responsibleId = rs.wasNull() ? null : responsible;
        Timestamp last = rs.getTimestamp("last_message_at");
        String lastKind = rs.getString("last_message_kind");
        return new Row(rs.getLong("id"), rs.getLong("channel_id"), rs.getLong("client_id"),
                ConversationState.valueOf(rs.getString("state")), responsibleId,
                rs.getTimestamp("sort_at").toInstant(), last == null ? null : last.toInstant(),
                rs.getString("last_message_preview"), lastKind == null ? null : MessageKind.valueOf(lastKind),
                rs.getInt("unread_count"), rs.getBoolean("unanswered"), rs.getString("client_name"),
                rs.getString("client_nickname"), rs.getString("client_photo_url"));
    }

    record Row(long id, long channelId, long clientId, ConversationState state, @Nullable Long responsibleId,
               java.time.Instant sortAt, java.time.@Nullable Instant lastMessageAt, @Nullable String preview,
               @Nullable MessageKind lastKind, int unreadCount, boolean unanswered, String clientName,
               @Nullable String clientNickname, @Nullable String clientPhotoUrl) {
    }

    /** Builds the WHERE clause of the list and the tab counts from the same filter. */
    private static final class Where {

        private final List<String> predicates = new ArrayList<>();
        private final Map<String, Object> params = new java.util.HashMap<>();

        Where(ChatFilter filter, Set<Long> channelIds, long currentUserId, StateTab state) {
            if (channelIds.size() == 1) {
                // Equality, not "= any": PostgreSQL 15 reads an index in order only after an equality,
                // so one channel's list walks conversation_channel_*_idx instead of sorting.
                add("channel_id = :channel");
                params.put("channel", channelIds.iterator().next());
            } else {
                add("channel_id = any(:channels)");
                params.put("channels", channelIds.toArray(Long[]::new));
            }
            if (state != StateTab.ALL) {
                add("state = :state");
                params.put("state", state.name());
            }
            if (filter.unansweredOnly()) {
                add("unanswered");
            }
            switch (filter.responsible()) {
                case MINE -> {
                    add("responsible_id = :responsible");
                    params.put("responsible", currentUserId);
                }
                case UNASSIGNED -> add("responsible_id is null");
                case USER -> {
                    add("responsible_id = :responsible");
                    params.put("responsible", filter.responsibleUserId() == null ? -1L : filter.responsibleUserId());
                }
                case ALL -> { }
            }
            if (!filter.search().isEmpty()) {
                // Same expression as the trigram index conversation_search_idx.
                add("lower(client_name || ' ' || coalesce(client_nickname, '')) like :search escape '\\'");
                params.put("search", "%" + escapeLike(filter.search().toLowerCase(java.util.Locale.ROOT)) + "%");
            }
        }

        void add(String predicate) {
            predicates.add(predicate);
        }

        String sql() {
            return String.join(" and ", predicates);
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
