package com.omnichat.generator;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.omnichat.chat.ChatCursor;
import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.ChatFilter.StateTab;

/**
 * The two hand-written versions of the chat list the benchmark needs besides the service:
 * <ul>
 * <li>{@link #ours}: the statement {@code ConversationQueries} sends, for the floor
 * ({@code EXPLAIN ANALYZE}). The benchmark checks on every run that it returns exactly the
 * rows the service returns, so a change to the service's SQL cannot go unnoticed here.</li>
 * <li>The comparison: the list as the best-known open-source inbox (Chatwoot) builds it —
 * offset pagination, three separate counts without a cap (mine, unassigned, all) for the
 * current state, an unread count per row from a subquery over the messages capped at 10,
 * and ILIKE search — on the same tables. Kind to it: one statement per page (Chatwoot loads
 * the unread counts and related rows with further queries) and stored flags where it keeps
 * flags too (unanswered ~ its "unattended" columns).</li>
 * </ul>
 */
final class ListSql {

    static final String COLUMNS = """
            id, channel_id, client_id, state, responsible_id, sort_at, last_message_at, last_message_preview,
            last_message_kind, unread_count, unanswered, client_name, client_nickname, client_photo_url""";

    private ListSql() {
    }

    record Query(String sql, Map<String, Object> params) {
    }

    // ---- ours (mirror of ConversationQueries) ----

    static Query ours(ChatFilter filter, Set<Long> channels, long userId, @Nullable ChatCursor after, int limit) {
        var where = ourWhere(filter, channels, userId, filter.state());
        if (after != null) {
            where.add("(sort_at, id) < (:cursorAt, :cursorId)");
            where.params.put("cursorAt", Timestamp.from(after.sortAt()));
            where.params.put("cursorId", after.id());
        }
        where.params.put("limit", limit);
        where.params.put("skip", 0);
        String order = " order by sort_at desc, id desc";
        if (channels.size() < 2 || channels.size() > 8 || !mergePerChannel(filter)) {
            return new Query("select " + COLUMNS + " from conversation where " + where.sql() + order
                    + " limit :limit offset :skip", where.params);
        }
        // Each channel's rows from its own index, merged (as ConversationQueries does for a few channels).
        List<String> perChannel = new ArrayList<>();
        int n = 0;
        for (long channel : channels) {
            where.params.put("channel" + n, channel);
            List<String> predicates = new ArrayList<>(where.predicates);
            predicates.set(0, "channel_id = :channel" + n);
            perChannel.add("(select " + COLUMNS + " from conversation where " + String.join(" and ", predicates)
                    + order + " limit :rowsPerChannel)");
            n++;
        }
        where.params.put("rowsPerChannel", limit);
        return new Query("select " + COLUMNS + " from (" + String.join(" union all ", perChannel) + ") chats" + order
                + " limit :limit offset :skip", where.params);
    }

    /**
     * As ConversationQueries: whether a channel's own index gives this filter's order while no index over all channels
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

    static Query oursCount(ChatFilter filter, Set<Long> channels, long userId, StateTab state, int cap) {
        var where = ourWhere(filter, channels, userId, state);
        where.params.put("cap", cap);
        return new Query("select count(*) from (select 1 from conversation where " + where.sql()
                + " limit :cap) capped", where.params);
    }

    private static Where ourWhere(ChatFilter filter, Set<Long> channels, long userId, StateTab state) {
        var where = new Where();
        if (channels.size() == 1) {
            where.add("channel_id = :channel");
            where.params.put("channel", channels.iterator().next());
        } else {
            where.add("channel_id = any(:channels)");
            where.params.put("channels", channels.toArray(Long[]::new));
        }
        if (state != StateTab.ALL) {
            where.add("state = :state");
            where.params.put("state", state.name());
        }
        if (filter.unansweredOnly()) {
            where.add("unanswered");
        }
        switch (filter.responsible()) {
            case MINE -> {
                where.add("responsible_id = :responsible");
                where.params.put("responsible", userId);
            }
            case UNASSIGNED -> where.add("responsible_id is null");
            case USER -> {
                where.add("responsible_id = :responsible");
                where.params.put("responsible", filter.responsibleUserId() == null ? -1L : filter.responsibleUserId());
            }
            case ALL -> { }
        }
        if (!filter.search().isEmpty()) {
            where.add("lower(client_name || ' ' || coalesce(client_nickname, '')) like :search escape '\\'");
            where.params.put("search", "%" + escapeLike(filter.search().toLowerCase(Locale.ROOT)) + "%");
        }
        return where;
    }

    // ---- the comparison ----

    /** One page by offset, with the per-row unread count (client messages since the last manager reply, max 10). */
    static Query comparisonPage(ChatFilter filter, Set<Long> channels, long userId, int offset, int limit) {
        var where = comparisonWhere(filter, channels);
        addResponsible(where, filter, userId);
        where.params.put("limit", limit);
        where.params.put("offset", offset);
        return new Query("""
                select c.id, c.channel_id, c.client_id, c.state, c.responsible_id, c.sort_at, c.last_message_at,
                       c.last_message_preview, c.last_message_kind, c.unanswered, c.client_name, c.client_nickname,
                       c.client_photo_url,
                       (select count(*) from (select 1 from message m
                                              where m.conversation_id = c.id and m.kind = 'CLIENT'
                                                and m.id > coalesce((select max(r.id) from message r
                                                                     where r.conversation_id = c.id
                                                                       and r.kind = 'MANAGER'), 0)
                                              limit 10) unread) as unread_count
                from conversation c""" + " where " + where.sql()
                + " order by c.sort_at desc, c.id desc limit :limit offset :offset", where.params);
    }

    /** The three counts shown above the list: mine, unassigned, all — each counted in full. */
    static List<Query> comparisonCounts(ChatFilter filter, Set<Long> channels, long userId) {
        List<Query> counts = new ArrayList<>();
        var mine = comparisonWhere(filter, channels);
        mine.add("c.responsible_id = :me");
        mine.params.put("me", userId);
        counts.add(new Query("select count(*) from conversation c where " + mine.sql(), mine.params));
        var unassigned = comparisonWhere(filter, channels);
        unassigned.add("c.responsible_id is null");
        counts.add(new Query("select count(*) from conversation c where " + unassigned.sql(), unassigned.params));
        var all = comparisonWhere(filter, channels);
        counts.add(new Query("select count(*) from conversation c where " + all.sql(), all.params));
        return counts;
    }

    private static Where comparisonWhere(ChatFilter filter, Set<Long> channels) {
        var where = new Where();
        where.add("c.channel_id = any(:channels)");
        where.params.put("channels", channels.toArray(Long[]::new));
        if (filter.state() != StateTab.ALL) {
            where.add("c.state = :state");
            where.params.put("state", filter.state().name());
        }
        if (filter.unansweredOnly()) {
            where.add("c.unanswered");
        }
        if (!filter.search().isEmpty()) {
            where.add("(c.client_name ilike :q or c.client_nickname ilike :q)");
            where.params.put("q", "%" + escapeLike(filter.search()) + "%");
        }
        return where;
    }

    private static void addResponsible(Where where, ChatFilter filter, long userId) {
        switch (filter.responsible()) {
            case MINE -> {
                where.add("c.responsible_id = :me");
                where.params.put("me", userId);
            }
            case UNASSIGNED -> where.add("c.responsible_id is null");
            case USER -> {
                where.add("c.responsible_id = :me");
                where.params.put("me", filter.responsibleUserId() == null ? -1L : filter.responsibleUserId());
            }
            case ALL -> { }
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static final class Where {
        private final List<String> predicates = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        void add(String predicate) {
            predicates.add(predicate);
        }

        String sql() {
            return String.join(" and ", predicates);
        }
    }
}
