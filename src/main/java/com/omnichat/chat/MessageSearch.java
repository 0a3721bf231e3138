package com.omnichat.chat;

import java.util.ArrayList;
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
 * Keyset on the message id; the matched words come back marked in a snippet.
 */
@Component
class MessageSearch {

    /** Shorter texts search names only: a prefix of one or two letters would match half the messages. */
    static final int MIN_LENGTH = 3;

    /** Marks around matched words in ts_headline's output; stripped from the text first, so a client cannot forge them. */
    private static final char START = '\uE000';
    private static final char STOP = '\uE001';
    private static final String HEADLINE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxWords=14, MinWords=6, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /**
     * The search text as a query: every word stemmed by the search configuration and matched as a
     * prefix (so "достав" and the Ukrainian forms the Russian stemmer cuts shorter still match),
     * all words required. Lexemes are quoted for tsquery's syntax; stop words drop out.
     */
    private static final String QUERY = """
            select string_agg('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''':*', ' & ')
            from unnest(to_tsvector('omnichat_search'::regconfig, :text))""";

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
    List<Found> page(ChatFilter filter, Set<Long> channelIds, long currentUserId, @Nullable Long beforeMessageId,
                     int skip, int limit) {
        String query = jdbc.sql(QUERY).param("text", filter.search()).query(String.class).optional().orElse(null);
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        // Frequent words want a walk down the newest messages, rare ones the index: plan for the actual query.
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        var chats = ConversationQueries.listPredicate(filter, channelIds, currentUserId);
        Map<String, Object> params = new java.util.HashMap<>(chats.params());
        params.put("textQuery", query);
        params.put("beforeMessage", beforeMessageId == null ? Long.MAX_VALUE : beforeMessageId);
        params.put("matchLimit", limit);
        params.put("matchSkip", skip);
        params.put("marks", "" + START + STOP);
        params.put("headline", HEADLINE_OPTIONS);
        // The snippet is made for the page's rows only (ts_headline parses the whole body).
        String sql = """
                select found.*, ts_headline('omnichat_search'::regconfig, translate(body, :marks, ''),
                                            cast(:textQuery as tsquery), :headline) as snippet
                from (select m.id as message_id, m.kind as message_kind, m.created_at as message_at, m.body, c.*
                      from message m
                      join lateral (select %s from conversation where id = m.conversation_id and %s) c on true
                      where m.search_tsv @@ cast(:textQuery as tsquery) and m.id < :beforeMessage
                      order by m.id desc limit :matchLimit offset :matchSkip) found
                order by message_id desc""".formatted(ConversationQueries.COLUMNS, chats.sql());
        return jdbc.sql(sql).params(params).query((rs, n) -> new Found(ConversationQueries.row(rs, n),
                new MessageMatch(rs.getLong("message_id"), MessageKind.valueOf(rs.getString("message_kind")),
                        rs.getTimestamp("message_at").toInstant(), parts(rs.getString("snippet"))))).list();
    }

    record Found(ConversationQueries.Row chat, MessageMatch match) {
    }

    /** Splits the headline at its marks: plain, marked, plain, ... (whitespace folded, as in the list's previews). */
    static List<String> parts(@Nullable String headline) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean marked = false;
        String text = headline == null ? "" : headline.strip().replaceAll("\\s+", " ");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == START && !marked) || (c == STOP && marked)) {
                parts.add(current.toString());
                current.setLength(0);
                marked = !marked;
            } else if (c != START && c != STOP) {
                current.append(c);
            }
        }
        parts.add(current.toString());
        if (parts.size() % 2 == 0) {
            // An unclosed mark (cut off): keep the text, drop the highlight's end.
            parts.add("");
        }
        return parts;
    }
}
