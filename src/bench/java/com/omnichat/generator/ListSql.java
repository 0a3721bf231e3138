package com.omnichat.generator;

import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.ChatFilter.StateTab;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The comparison the benchmark measures our chat list against (ours is measured through the
 * service and the statement it sends, see {@link StatementCapture}): the list as the best-known
 * open-source inbox (Chatwoot) builds it — offset pagination, three separate counts without a cap
 * (mine, unassigned, all) for the current state, an unread count per row from a subquery over the
 * messages capped at 10, and ILIKE search — on the same tables. Kind to it: one statement per page
 * (Chatwoot loads the unread counts and related rows with further queries) and stored flags where
 * it keeps flags too (unanswered ~ its "unattended" columns).
 */
final class ListSql {

    private ListSql() {}

    record Query(String sql, Map<String, Object> params) {}

    /** One page by offset, with the per-row unread count (client messages since the last manager reply, max 10). */
    static Query comparisonPage(ChatFilter filter, Set<Long> channels, long userId, int offset, int limit) {
        var where = comparisonWhere(filter, channels);
        addResponsible(where, filter, userId);
        where.params.put("limit", limit);
        where.params.put("offset", offset);
        return new Query(
                """
                select c.id, c.channel_id, c.client_id, c.state, c.responsible_id, c.sort_at, c.last_message_at,
                       c.last_message_preview, c.last_message_kind, c.unanswered, c.client_name, c.client_nickname,
                       c.client_photo_url,
                       (select count(*) from (select 1 from message m
                                              where m.conversation_id = c.id and m.kind = 'CLIENT'
                                                and m.id > coalesce((select max(r.id) from message r
                                                                     where r.conversation_id = c.id
                                                                       and r.kind = 'MANAGER'), 0)
                                              limit 10) unread) as unread_count
                from conversation c""" + " where " + where.sql() + " order by c.sort_at desc, c.id desc limit :limit offset :offset",
                where.params);
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
            case ALL -> {}
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
