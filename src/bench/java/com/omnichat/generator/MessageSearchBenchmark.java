package com.omnichat.generator;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelService;
import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.ChatFilter.Responsible;
import com.omnichat.chat.ChatFilter.StateTab;
import com.omnichat.chat.InboxService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search in message text, first page: ours through {@link InboxService#searchMessages} (what the
 * chat list calls), the comparison the naive {@code ILIKE '%…%'} over the messages of the chats the
 * user may see, newest first, and the floor {@code EXPLAIN ANALYZE} of the statement the service
 * sent (as for the list, see {@link ListBenchmark#floor}).
 */
@Component
class MessageSearchBenchmark {

    private static final int WARM_UP = 2;
    private static final Logger log = LoggerFactory.getLogger(MessageSearchBenchmark.class);

    private final InboxService inbox;
    private final ChannelService channels;
    private final ListBenchmark list;
    private final JdbcClient jdbc;

    MessageSearchBenchmark(InboxService inbox, ChannelService channels, ListBenchmark list, JdbcClient jdbc) {
        this.inbox = inbox;
        this.channels = channels;
        this.list = list;
        this.jdbc = jdbc;
    }

    /** Words frequent to rare in the generated texts ({@link MessageTexts}), in the "all" and "open" tabs. */
    static Map<String, ChatFilter> combinations() {
        Map<String, ChatFilter> filters = new LinkedHashMap<>();
        for (String word :
                List.of(MessageTexts.FREQUENT, MessageTexts.COMMON, MessageTexts.ENGLISH, MessageTexts.RARE)) {
            filters.put("all, '" + word + "'", filter(StateTab.ALL, word));
        }
        filters.put("open, '" + MessageTexts.FREQUENT + "'", filter(StateTab.OPEN, MessageTexts.FREQUENT));
        filters.put("open, '" + MessageTexts.RARE + "'", filter(StateTab.OPEN, MessageTexts.RARE));
        return filters;
    }

    private static ChatFilter filter(StateTab state, String text) {
        return new ChatFilter(state, text, false, Set.of(), Responsible.ALL, null);
    }

    List<BenchReport.MessageSearchFigure> run(
            List<ListBenchmark.Who> users, Map<String, ChatFilter> filters, int runs, int comparisonRuns) {
        List<BenchReport.MessageSearchFigure> figures = new ArrayList<>();
        for (ListBenchmark.Who who : users) {
            for (var entry : filters.entrySet()) {
                var figure = SystemAccess.callAs(
                        who.principal(), () -> measure(who, entry.getKey(), entry.getValue(), runs, comparisonRuns));
                log.info(
                        "message search {} | {}: first {} ({} rows) | comparison {} | floor {}",
                        who.label(),
                        entry.getKey(),
                        figure.first().text(),
                        figure.rows(),
                        figure.comparison().text(),
                        figure.floor());
                figures.add(figure);
            }
        }
        return figures;
    }

    private BenchReport.MessageSearchFigure measure(
            ListBenchmark.Who who, String name, ChatFilter filter, int runs, int comparisonRuns) {
        // A search of several words may send two statements (the newest messages, then the rest): the floor is both.
        var statements = StatementCapture.all(
                "message search",
                sql -> sql.contains("search_tsv @@") && sql.contains("from conversation where id = m.conversation_id"),
                () -> inbox.searchMessages(filter, null, 0, ListBenchmark.PAGE));
        List<Double> first = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < runs + WARM_UP; i++) {
            long t0 = System.nanoTime();
            rows = inbox.searchMessages(filter, null, 0, ListBenchmark.PAGE).size();
            if (i >= WARM_UP) {
                first.add(Percentiles.millisSince(t0));
            }
        }
        var comparison = comparison(filter, visible(who.principal(), filter));
        List<Double> naive = new ArrayList<>();
        for (int i = 0; i < comparisonRuns + 1; i++) {
            long t0 = System.nanoTime();
            jdbc.sql(comparison.sql())
                    .params(comparison.params())
                    .query((rs, n) -> rs.getLong(1))
                    .list();
            if (i >= 1) {
                naive.add(Percentiles.millisSince(t0));
            }
        }
        return new BenchReport.MessageSearchFigure(
                who.label(),
                name,
                rows,
                Percentiles.of(first),
                Percentiles.of(naive),
                statements.stream().mapToDouble(list::floor).sum(),
                String.join("\n\n", statements.stream().map(list::plan).toList()));
    }

    /**
     * The naive search: the whole text as a substring of the body, case-insensitive, in every
     * client and manager message of the chats the tab admits, newest first; the chat's row comes
     * along as ours brings it.
     */
    static ListSql.Query comparison(ChatFilter filter, Set<Long> channels) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("channels", channels.toArray(Long[]::new));
        params.put(
                "q",
                "%"
                        + filter.search()
                                .toLowerCase(Locale.ROOT)
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%");
        params.put("limit", ListBenchmark.PAGE);
        String state = "";
        if (filter.state() != StateTab.ALL) {
            state = " and c.state = :state";
            params.put("state", filter.state().name());
        }
        return new ListSql.Query(
                """
                select m.id, m.kind, m.created_at, m.body, c.id, c.channel_id, c.client_id, c.state, c.responsible_id,
                       c.sort_at, c.last_message_at, c.last_message_preview, c.unread_count, c.client_name
                from message m join conversation c on c.id = m.conversation_id
                where c.channel_id = any(:channels)""" + state + " and m.kind <> 'SYSTEM' and m.body ilike :q order by m.id desc limit :limit", params);
    }

    private Set<Long> visible(StaffPrincipal user, ChatFilter filter) {
        Set<Long> visible = new java.util.HashSet<>(channels.accessibleChannelIds(user));
        if (!filter.channelIds().isEmpty()) {
            visible.retainAll(filter.channelIds());
        }
        return visible;
    }
}
