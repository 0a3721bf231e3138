package com.omnichat.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds messages by their words (full-text search over {@code message.search_tsv}, see the
 * V30 migration), newest first, in the chats the list's filter admits: the conversation side
 * of the statement is the chat list's own WHERE clause ({@link ConversationQueries#listPredicate}).
 * Keyset on the message id; the matched words come back marked in a snippet ({@link Snippets}).
 */
@Component
class MessageSearch {

    /** Shorter texts search names only: a prefix of one or two letters would match half the messages. */
    static final int MIN_LENGTH = 3;

    /**
     * The search text as a query: every word stemmed by the search configuration and matched as a
     * prefix (so "достав" and the Ukrainian forms the Russian stemmer cuts shorter still match),
     * all words required (and, for the highlight, any word). Lexemes are quoted for tsquery's
     * syntax; stop words drop out.
     */
    private static final String QUERY = """
            select string_agg(term, ' & '), string_agg(term, ' | ')
            from (select '''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''':*' as term
                  from unnest(to_tsvector('omnichat_search'::regconfig, :text))) terms""";

    private final JdbcClient jdbc;

    MessageSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static boolean applies(ChatFilter filter) {
        return filter.search().length() >= MIN_LENGTH;
    }

    /**
     * Matching messages older than {@code beforeMessageId} (skipping {@code skip} more), newest
     * first, in conversations {@code channelIds} and the filter's tab, responsible and
     * unanswered choice admit.
     */
    List<Found> page(
            ChatFilter filter,
            Set<Long> channelIds,
            long currentUserId,
            @Nullable Long beforeMessageId,
            int skip,
            int limit) {
        String[] query = jdbc.sql(QUERY)
                .param("text", filter.search())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        if (query[0] == null || query[0].isEmpty()) {
            return List.of();
        }
        // Frequent words want a walk down the newest messages, rare ones the index: plan for the actual query.
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        var chats = ConversationQueries.listPredicate(filter, channelIds, currentUserId);
        Map<String, Object> params = new java.util.HashMap<>(chats.params());
        params.put("textQuery", query[0]);
        params.put("beforeMessage", beforeMessageId == null ? Long.MAX_VALUE : beforeMessageId);
        params.put("matchLimit", limit);
        params.put("matchSkip", skip);
        String sql = """
                select m.id as message_id, m.kind as message_kind, m.created_at as message_at, m.body, c.*
                from message m
                join lateral (select %s from conversation where id = m.conversation_id and %s) c on true
                where m.search_tsv @@ cast(:textQuery as tsquery) and m.id < :beforeMessage
                order by m.id desc limit :matchLimit offset :matchSkip""".formatted(ConversationQueries.COLUMNS, chats.sql());
        List<Hit> hits = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new Hit(
                        ConversationQueries.row(rs, n),
                        rs.getLong("message_id"),
                        MessageKind.valueOf(rs.getString("message_kind")),
                        rs.getTimestamp("message_at").toInstant(),
                        rs.getString("body")))
                .list();
        Snippets snippets = Snippets.of(jdbc, hits.stream().map(Hit::body).toList(), query[1]);
        return hits.stream()
                .map(h -> new Found(h.chat(), new MessageMatch(h.messageId(), h.kind(), h.at(), snippets.of(h.body()))))
                .toList();
    }

    record Found(ConversationQueries.Row chat, MessageMatch match) {}

    private record Hit(ConversationQueries.Row chat, long messageId, MessageKind kind, Instant at, String body) {}
}
