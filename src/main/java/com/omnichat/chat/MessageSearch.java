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
    private final int window;

    @org.springframework.beans.factory.annotation.Autowired
    MessageSearch(JdbcClient jdbc) {
        this(jdbc, WINDOW);
    }

    /** With a window of {@code window} messages (a test's few messages span several windows). */
    MessageSearch(JdbcClient jdbc, int window) {
        this.jdbc = jdbc;
        this.window = window;
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
        long before = beforeMessageId == null ? Long.MAX_VALUE : beforeMessageId;
        int wanted = skip + limit;
        List<Hit> hits = new java.util.ArrayList<>();
        Boolean walk = null;
        if (query[0].contains(" & ")) {
            // Several words: PostgreSQL takes them for independent and expects few messages with all of
            // them, so it reads every match through the index even when the words go together ("tracking
            // number": estimated 152, found 11,509 of 1,000,000 messages; 190 ms instead of a few). The
            // newest messages tell how frequent the words really are: look there first, then choose.
            Window window = newest(chats, query[0], before, wanted, hits);
            if (hits.size() >= wanted || window.walked() < this.window) {
                return found(hits, skip, limit, query[1]);
            }
            before = window.oldest();
            walk = walkIsCheaper(window.walked(), window.matching(), hits.size(), wanted - hits.size(), before);
        }
        hits.addAll(page(chats, query[0], before, wanted - hits.size(), walk));
        return found(hits, skip, limit, query[1]);
    }

    /** How many of the newest messages a search of several words reads before it chooses a plan. */
    static final int WINDOW = 20_000;

    /** The newest {@code window} messages below {@code before}: how many, how many match, the oldest id. */
    private record Window(long walked, long matching, long oldest) {}

    /** Adds the matches among the newest messages that the filter admits to {@code hits}, up to {@code wanted}. */
    private Window newest(
            ConversationQueries.Predicate chats, String textQuery, long before, int wanted, List<Hit> hits) {
        Map<String, Object> params = new java.util.HashMap<>(chats.params());
        params.put("textQuery", textQuery);
        params.put("beforeMessage", before);
        params.put("window", window);
        params.put("matchLimit", wanted);
        String sql = """
                with w as materialized (
                    select id, search_tsv @@ cast(:textQuery as tsquery) as hit from message
                    where id < :beforeMessage order by id desc limit :window),
                s as (select count(*) as walked, count(*) filter (where hit) as matching, min(id) as oldest from w)
                select s.walked, s.matching, s.oldest, p.* from s left join lateral (
                    select m.id as message_id, m.kind as message_kind, m.created_at as message_at, m.body, c.*
                    from w join message m on m.id = w.id
                    join lateral (select %s from conversation where id = m.conversation_id and %s) c on true
                    where w.hit order by w.id desc limit :matchLimit) p on true
                order by p.message_id desc nulls last""".formatted(ConversationQueries.COLUMNS, chats.sql());
        long[] window = new long[3];
        jdbc.sql(sql).params(params).query(rs -> {
            window[0] = rs.getLong("walked");
            window[1] = rs.getLong("matching");
            window[2] = rs.getLong("oldest");
            rs.getLong("message_id");
            if (!rs.wasNull()) {
                hits.add(hit(rs));
            }
        });
        return new Window(window[0], window[1], window[2]);
    }

    /**
     * Whether reading on down the messages costs fewer rows than reading every older match through
     * the search index. The window measured both densities: admitted matches per message read (how
     * far the walk must go for the rest of the page) and matches per message (how many older ones
     * the index would return; ids are dense enough for the oldest id to count the older messages).
     */
    static boolean walkIsCheaper(long walked, long matching, int found, int missing, long olderMessages) {
        double walk = (double) missing * walked / Math.max(found, 0.5);
        double index = (double) matching * olderMessages / Math.max(walked, 1);
        return walk < index;
    }

    /**
     * Matches below {@code before}, newest first, in the admitted chats; {@code walk} forces the walk
     * down the id index (true) or the search index (false), null leaves the choice to the planner.
     */
    private List<Hit> page(
            ConversationQueries.Predicate chats, String textQuery, long before, int wanted, @Nullable Boolean walk) {
        Map<String, Object> params = new java.util.HashMap<>(chats.params());
        params.put("textQuery", textQuery);
        params.put("beforeMessage", before);
        params.put("matchLimit", wanted);
        String sql = """
                select m.id as message_id, m.kind as message_kind, m.created_at as message_at, m.body, c.*
                from message m
                join lateral (select %s from conversation where id = m.conversation_id and %s) c on true
                where m.search_tsv @@ cast(:textQuery as tsquery) and m.id < :beforeMessage
                order by m.id desc limit :matchLimit""".formatted(ConversationQueries.COLUMNS, chats.sql());
        if (walk != null) {
            jdbc.sql("set local enable_bitmapscan = " + (walk ? "off" : "on")).update();
        }
        try {
            return jdbc.sql(sql).params(params).query((rs, n) -> hit(rs)).list();
        } finally {
            if (walk != null) {
                jdbc.sql("set local enable_bitmapscan = on").update();
            }
        }
    }

    private static Hit hit(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Hit(
                ConversationQueries.row(rs, 0),
                rs.getLong("message_id"),
                MessageKind.valueOf(rs.getString("message_kind")),
                rs.getTimestamp("message_at").toInstant(),
                rs.getString("body"));
    }

    private List<Found> found(List<Hit> hits, int skip, int limit, String anyWordQuery) {
        List<Hit> page = hits.subList(Math.min(skip, hits.size()), Math.min(skip + limit, hits.size()));
        Snippets snippets = Snippets.of(jdbc, page.stream().map(Hit::body).toList(), anyWordQuery);
        return page.stream()
                .map(h -> new Found(h.chat(), new MessageMatch(h.messageId(), h.kind(), h.at(), snippets.of(h.body()))))
                .toList();
    }

    record Found(ConversationQueries.Row chat, MessageMatch match) {}

    private record Hit(ConversationQueries.Row chat, long messageId, MessageKind kind, Instant at, String body) {}
}
