package com.omnichat.chat;

import com.omnichat.base.Sql;
import com.omnichat.chat.ChatFilter.StateTab;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    List<Row> page(
            ChatFilter filter,
            Set<Long> channelIds,
            long currentUserId,
            @Nullable ChatCursor after,
            int skip,
            int limit) {
        planForTheseValues();
        var where = new Where(filter, channelIds, currentUserId, filter.state());
        if (after != null) {
            where.add("(sort_at, id) < (:cursorAt, :cursorId)");
            where.params.put("cursorAt", Timestamp.from(after.sortAt()));
            where.params.put("cursorId", after.id());
        }
        where.params.put("limit", limit);
        where.params.put("skip", skip);
        return jdbc.sql(pageSql(filter, channelIds, where, skip + limit))
                .params(where.params)
                .query(ConversationQueries::row)
                .list();
    }

    /** Up to this many channels, a page is read channel by channel and merged (see {@link #pageSql}). */
    static final int MERGED_CHANNELS = 8;

    /**
     * PostgreSQL cannot read "channel_id = any(...)" in sort order from one index: for a
     * manager with a few channels it walks the whole tab's list skipping other channels'
     * chats, which is slow when channels he cannot see are busy (45 ms with 100,000 recent open
     * chats in other channels; merged: 0.09 ms — docs/benchmarks.md). Instead each channel's first
     * rows come from its own ordered index and are merged, where that is the better walk
     * ({@link #mergePerChannel}).
     */
    private static String pageSql(ChatFilter filter, Set<Long> channelIds, Where where, int rowsPerChannel) {
        String order = " order by sort_at desc, id desc";
        if (channelIds.size() < 2 || channelIds.size() > MERGED_CHANNELS || !mergePerChannel(filter)) {
            return "select " + COLUMNS + " from conversation where " + where.sql() + order
                    + " limit :limit offset :skip";
        }
        List<String> perChannel = new ArrayList<>();
        int n = 0;
        for (long channel : channelIds) {
            where.params.put("channel" + n, channel);
            perChannel.add("(select " + COLUMNS + " from conversation where " + where.sqlForChannel(":channel" + n)
                    + order + " limit :rowsPerChannel)");
            n++;
        }
        where.params.put("rowsPerChannel", rowsPerChannel);
        return "select " + COLUMNS + " from (" + String.join(" union all ", perChannel) + ") chats" + order
                + " limit :limit offset :skip";
    }

    /**
     * Whether a channel's own index gives this filter's order while no index over all channels
     * does: the open or closed tab, or the unassigned ones (partial index per channel); not a
     * person's chats in one tab (the responsible index is ordered and narrower), not the
     * unanswered ones (their partial index is ordered), not a search (trigram index).
     */
    private static boolean mergePerChannel(ChatFilter filter) {
        if (!filter.search().isEmpty()) {
            return false;
        }
        return switch (filter.responsible()) {
            case ALL -> filter.state() != StateTab.ALL && !filter.unansweredOnly();
            case UNASSIGNED -> true;
            case MINE, USER -> filter.state() == StateTab.ALL;
        };
    }

    /** Counts both state tabs, each stopping at the cap: one statement, one round trip. */
    TabCounts counts(ChatFilter filter, Set<Long> channelIds, long currentUserId) {
        planForTheseValues();
        var where = new Where(filter, channelIds, currentUserId, StateTab.ALL);
        where.params.put("cap", TabCounts.CAP);
        return jdbc.sql("select (" + cappedCount(where, StateTab.OPEN) + "), (" + cappedCount(where, StateTab.CLOSED)
                        + ")")
                .params(where.params)
                .query((rs, n) -> new TabCounts(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    private static String cappedCount(Where where, StateTab state) {
        // The state is one of two constants (no parameter): both halves share the filter's parameters.
        return "select count(*) from (select 1 from conversation where " + where.sql() + " and state = '" + state.name()
                + "' limit :cap) capped";
    }

    /** A client's chats on the given channels, latest first (a client has one per identity: few). */
    List<Row> ofClient(long clientId, Set<Long> channelIds) {
        return jdbc.sql("select " + COLUMNS + " from conversation where client_id = ? and channel_id = any(?)"
                        + " order by sort_at desc, id desc limit 100")
                .params(clientId, channelIds.toArray(Long[]::new))
                .query(ConversationQueries::row)
                .list();
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

    @Nullable
    Row byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from conversation where id = ?")
                .param(id)
                .query(ConversationQueries::row)
                .optional()
                .orElse(null);
    }

    /** The identity's chat, if it has one. */
    Optional<Long> idOfIdentity(long identityId) {
        return jdbc.sql("select id from conversation where identity_id = ?")
                .param(identityId)
                .query(Long.class)
                .optional();
    }

    /** The identity's direct chat (not an e-mail thread), if it has one. */
    Optional<Long> directChatOf(long identityId) {
        return jdbc.sql("select id from conversation where identity_id = ? and thread_key is null")
                .param(identityId)
                .query(Long.class)
                .optional();
    }

    /** The client's most recently active chat on the channel. */
    Optional<Long> latestOf(long clientId, long channelId) {
        return jdbc.sql("""
                        select id from conversation where client_id = ? and channel_id = ?
                        order by sort_at desc, id desc limit 1""").params(clientId, channelId).query(Long.class).optional();
    }

    long channelOf(long id) {
        return jdbc.sql("select channel_id from conversation where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    /** The identity's e-mail thread with this key. */
    Optional<Long> thread(long identityId, String threadKey) {
        return jdbc.sql("select id from conversation where identity_id = ? and thread_key = ?")
                .params(identityId, threadKey)
                .query(Long.class)
                .optional();
    }

    /** The identity's latest thread with this (compared) subject active since {@code since}. */
    Optional<Long> threadWithSubject(long identityId, String threadSubject, java.time.Instant since) {
        return jdbc.sql("""
                        select id from conversation
                        where identity_id = ? and thread_subject = ? and greatest(last_message_at, created_at) >= ?
                        order by sort_at desc, id desc limit 1""")
                .params(identityId, threadSubject, Timestamp.from(since))
                .query(Long.class)
                .optional();
    }

    /** The identity's chat holding one of the channel's messages, the first in {@code externalIds} first. */
    Optional<Long> holdingMessage(long channelId, long identityId, List<String> externalIds) {
        String[] ids = externalIds.toArray(String[]::new);
        return jdbc.sql("""
                        select m.conversation_id from message m join conversation c on c.id = m.conversation_id
                        where m.channel_id = ? and m.external_id = any(?) and c.identity_id = ?
                        order by array_position(?, m.external_id::text) limit 1""")
                .params(channelId, ids, identityId, ids)
                .query(Long.class)
                .optional();
    }

    /** A chat and its channel (what a live event names). */
    record Ref(long id, long channelId) {}

    /** Every chat of the client (one per identity and thread: few). */
    List<Ref> chatsOfClient(long clientId) {
        return jdbc.sql("select id, channel_id from conversation where client_id = ?")
                .param(clientId)
                .query((rs, n) -> new Ref(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /** The e-mail thread's subject, when the chat is one. */
    Optional<String> subject(long id) {
        return jdbc.sql("select subject from conversation where id = ? and subject is not null")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** Locks the row for a change, so counters and state move one transaction at a time. */
    @Nullable
    Row lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from conversation where id = ? for update")
                .param(id)
                .query(ConversationQueries::row)
                .optional()
                .orElse(null);
    }

    /** The identity's conversation, locked like {@link #lock}; null when the identity has none yet. */
    @Nullable
    Row lockByIdentity(long identityId) {
        return jdbc.sql("select " + COLUMNS
                        + " from conversation where identity_id = ? and thread_key is null for update")
                .param(identityId)
                .query(ConversationQueries::row)
                .optional()
                .orElse(null);
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        long responsible = rs.getLong("responsible_id");
        Long responsibleId = rs.wasNull() ? null : responsible;
        Timestamp last = rs.getTimestamp("last_message_at");
        String lastKind = rs.getString("last_message_kind");
        return new Row(
                rs.getLong("id"),
                rs.getLong("channel_id"),
                rs.getLong("client_id"),
                ConversationState.valueOf(rs.getString("state")),
                responsibleId,
                rs.getTimestamp("sort_at").toInstant(),
                last == null ? null : last.toInstant(),
                rs.getString("last_message_preview"),
                lastKind == null ? null : MessageKind.valueOf(lastKind),
                rs.getInt("unread_count"),
                rs.getBoolean("unanswered"),
                rs.getString("client_name"),
                rs.getString("client_nickname"),
                rs.getString("client_photo_url"));
    }

    record Row(
            long id,
            long channelId,
            long clientId,
            ConversationState state,
            @Nullable Long responsibleId,
            java.time.Instant sortAt,
            java.time.@Nullable Instant lastMessageAt,
            @Nullable String preview,
            @Nullable MessageKind lastKind,
            int unreadCount,
            boolean unanswered,
            String clientName,
            @Nullable String clientNickname,
            @Nullable String clientPhotoUrl) {}

    /**
     * The list's WHERE clause over conversation's own column names, its name search negated: the
     * chats a message search may show are exactly those the list would, less those the list shows
     * already because their name matched (see {@link MessageSearch}).
     */
    static Predicate listPredicate(ChatFilter filter, Set<Long> channelIds, long currentUserId) {
        var where = new Where(filter, channelIds, currentUserId, filter.state(), true);
        return new Predicate(where.sql(), Map.copyOf(where.params));
    }

    record Predicate(String sql, Map<String, Object> params) {}

    /** Builds the WHERE clause of the list and the tab counts from the same filter. */
    private static final class Where {

        private final com.omnichat.base.Where clause = new com.omnichat.base.Where();
        private final Map<String, Object> params = clause.params();

        Where(ChatFilter filter, Set<Long> channelIds, long currentUserId, StateTab state) {
            this(filter, channelIds, currentUserId, state, false);
        }

        Where(ChatFilter filter, Set<Long> channelIds, long currentUserId, StateTab state, boolean nameNotMatching) {
            if (channelIds.size() == 1) {
                // Equality, not "= any": PostgreSQL 15 reads an index in order only after an equality,
                // so one channel's list walks conversation_channel_*_idx instead of sorting.
                clause.add(
                        "channel_id = :channel",
                        "channel",
                        channelIds.iterator().next());
            } else {
                clause.add("channel_id = any(:channels)", "channels", channelIds.toArray(Long[]::new));
            }
            if (state != StateTab.ALL) {
                clause.add("state = :state", "state", state.name());
            }
            if (filter.unansweredOnly()) {
                add("unanswered");
            }
            switch (filter.responsible()) {
                case MINE -> clause.add("responsible_id = :responsible", "responsible", currentUserId);
                case UNASSIGNED -> add("responsible_id is null");
                case USER ->
                    clause.add(
                            "responsible_id = :responsible",
                            "responsible",
                            filter.responsibleUserId() == null ? -1L : filter.responsibleUserId());
                case ALL -> {}
            }
            if (!filter.search().isEmpty()) {
                // Same expression as the trigram index conversation_search_idx.
                String byName = "lower(client_name || ' ' || coalesce(client_nickname, '')) like :search escape '\\'";
                clause.add(
                        nameNotMatching ? "not (" + byName + ")" : byName,
                        "search",
                        Sql.contains(filter.search().toLowerCase(java.util.Locale.ROOT)));
            }
        }

        void add(String predicate) {
            clause.add(predicate);
        }

        String sql() {
            return clause.sql();
        }

        /** The same predicates for one channel (the channel's predicate comes first). */
        String sqlForChannel(String channelParameter) {
            return clause.sqlWithFirst("channel_id = " + channelParameter);
        }
    }
}
