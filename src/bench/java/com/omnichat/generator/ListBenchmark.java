package com.omnichat.generator;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelService;
import com.omnichat.chat.ChatCursor;
import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.ChatFilter.Responsible;
import com.omnichat.chat.ChatFilter.StateTab;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.chat.InboxService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Point 2 and 3 of the benchmark: the chat list through {@link InboxService#list} and
 * {@link InboxService#counts} (what the chats page calls), for every filter combination,
 * first page and the page after scrolling 50 pages by keyset; the comparison (offset,
 * counts, per-row unread subquery, ILIKE) and the floor (EXPLAIN ANALYZE of the statement the
 * service sends, recorded by {@link StatementCapture}).
 */
@Component
class ListBenchmark {

    static final int PAGE = 50;
    static final int SCROLLED_PAGES = 50;
    private static final int WARM_UP = 2;
    private static final int FLOOR_RUNS = 5;
    private static final Pattern EXECUTION_TIME = Pattern.compile("\"Execution Time\": ([0-9.]+)");
    private static final Logger log = LoggerFactory.getLogger(ListBenchmark.class);

    private final InboxService inbox;
    private final ChannelService channels;
    private final DataSource dataSource;

    ListBenchmark(InboxService inbox, ChannelService channels, DataSource dataSource) {
        this.inbox = inbox;
        this.channels = channels;
        this.dataSource = dataSource;
    }

    /** A user to measure as. */
    record Who(String label, StaffPrincipal principal) {}

    /**
     * The inbox's filter combinations: state tabs × responsible (all, mine, unassigned) ×
     * without/with a channel filter; unanswered per tab; search by a common first name
     * (Cyrillic and Latin), a surname fragment, and one client's nickname.
     */
    static Map<String, ChatFilter> combinations(long channelId, String rareNickname) {
        Map<String, ChatFilter> filters = new LinkedHashMap<>();
        for (StateTab state : StateTab.values()) {
            for (Responsible responsible : List.of(Responsible.ALL, Responsible.MINE, Responsible.UNASSIGNED)) {
                for (boolean channel : List.of(false, true)) {
                    String name = state.name().toLowerCase(java.util.Locale.ROOT) + ", "
                            + responsible.name().toLowerCase(java.util.Locale.ROOT) + (channel ? ", 1 channel" : "");
                    filters.put(
                            name,
                            new ChatFilter(
                                    state, "", false, channel ? Set.of(channelId) : Set.of(), responsible, null));
                }
            }
        }
        for (StateTab state : StateTab.values()) {
            filters.put(
                    state.name().toLowerCase(java.util.Locale.ROOT) + ", unanswered",
                    new ChatFilter(state, "", true, Set.of(), Responsible.ALL, null));
        }
        filters.put(
                "all, search name 'олена'",
                new ChatFilter(StateTab.ALL, "олена", false, Set.of(), Responsible.ALL, null));
        filters.put(
                "open, search name 'олена'",
                new ChatFilter(StateTab.OPEN, "олена", false, Set.of(), Responsible.ALL, null));
        filters.put(
                "all, search name 'shev'",
                new ChatFilter(StateTab.ALL, "shev", false, Set.of(), Responsible.ALL, null));
        filters.put(
                "all, search nickname '" + rareNickname + "'",
                new ChatFilter(StateTab.ALL, rareNickname, false, Set.of(), Responsible.ALL, null));
        return filters;
    }

    List<BenchReport.ListFigure> run(List<Who> users, Map<String, ChatFilter> filters, int runs, int comparisonRuns) {
        List<BenchReport.ListFigure> figures = new ArrayList<>();
        for (Who who : users) {
            for (var entry : filters.entrySet()) {
                var figure = SystemAccess.callAs(
                        who.principal(), () -> measure(who, entry.getKey(), entry.getValue(), runs, comparisonRuns));
                log.info(
                        "list {} | {}: first {} deep {} counts {} | comparison deep {} counts {} | floor {} / {}",
                        who.label(),
                        entry.getKey(),
                        figure.first().text(),
                        figure.deep().text(),
                        figure.counts().text(),
                        figure.comparisonDeep().text(),
                        figure.comparisonCounts().text(),
                        figure.floorFirst(),
                        figure.floorDeep());
                figures.add(figure);
            }
        }
        return figures;
    }

    private BenchReport.ListFigure measure(Who who, String name, ChatFilter filter, int runs, int comparisonRuns) {
        StaffPrincipal user = who.principal();
        // Scroll 50 pages down by keyset, as the list does, to find where the deep page starts.
        ChatCursor cursor = null;
        int pages = 0;
        for (int p = 0; p < SCROLLED_PAGES; p++) {
            List<ConversationSummary> page = inbox.list(filter, cursor, 0, PAGE);
            if (page.isEmpty()) {
                break;
            }
            pages++;
            cursor = page.getLast().cursor();
        }
        ChatCursor deepCursor = cursor;
        Set<Long> visible = visible(user, filter);
        // The floor is the service's own page statement, as it sent it for the first and the deep page.
        var firstQuery = pageStatement(() -> inbox.list(filter, null, 0, PAGE));
        var deepQuery = pageStatement(() -> inbox.list(filter, deepCursor, 0, PAGE));

        List<Double> first = new ArrayList<>();
        List<Double> deep = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        int deepRows = 0;
        for (int i = 0; i < runs + WARM_UP; i++) {
            long t0 = System.nanoTime();
            inbox.list(filter, null, 0, PAGE);
            double tFirst = Percentiles.millisSince(t0);
            long t1 = System.nanoTime();
            deepRows = inbox.list(filter, deepCursor, 0, PAGE).size();
            double tDeep = Percentiles.millisSince(t1);
            long t2 = System.nanoTime();
            inbox.counts(filter);
            double tCounts = Percentiles.millisSince(t2);
            if (i >= WARM_UP) {
                first.add(tFirst);
                deep.add(tDeep);
                counts.add(tCounts);
            }
        }

        List<Double> cFirst = new ArrayList<>();
        List<Double> cDeep = new ArrayList<>();
        List<Double> cCounts = new ArrayList<>();
        int offset = pages * PAGE;
        long[] matching = new long[1];
        withCustomPlans(sql -> {
            for (int i = 0; i < comparisonRuns + 1; i++) {
                long t0 = System.nanoTime();
                rows(sql, ListSql.comparisonPage(filter, visible, user.id(), 0, PAGE));
                double tFirst = Percentiles.millisSince(t0);
                long t1 = System.nanoTime();
                rows(sql, ListSql.comparisonPage(filter, visible, user.id(), offset, PAGE));
                double tDeep = Percentiles.millisSince(t1);
                long t2 = System.nanoTime();
                for (ListSql.Query count : ListSql.comparisonCounts(filter, visible, user.id())) {
                    // The last of the three is "all": how many chats match this tab and filter.
                    matching[0] = sql.sql(count.sql())
                            .params(count.params())
                            .query(Long.class)
                            .single();
                }
                double tCounts = Percentiles.millisSince(t2);
                if (i >= 1) {
                    cFirst.add(tFirst);
                    cDeep.add(tDeep);
                    cCounts.add(tCounts);
                }
            }
            return null;
        });

        double floorFirst = floor(firstQuery);
        double floorDeep = floor(deepQuery);
        return new BenchReport.ListFigure(
                who.label(),
                name,
                matching[0],
                Percentiles.of(first),
                pages + 1,
                deepRows,
                Percentiles.of(deep),
                Percentiles.of(counts),
                Percentiles.of(cFirst),
                Percentiles.of(cDeep),
                Percentiles.of(cCounts),
                floorFirst,
                floorDeep,
                plan(deepQuery));
    }

    /** The channels the service would query: the user's, narrowed by the channel filter. */
    private Set<Long> visible(StaffPrincipal user, ChatFilter filter) {
        Set<Long> visible = new java.util.HashSet<>(channels.accessibleChannelIds(user));
        if (!filter.channelIds().isEmpty()) {
            visible.retainAll(filter.channelIds());
        }
        return visible;
    }

    /** The statement the chat list sends for a page: the one that reads the conversations in list order. */
    private static StatementCapture.Captured pageStatement(Runnable call) {
        return StatementCapture.single(
                "chat list page",
                sql -> sql.contains("from conversation") && sql.contains("order by sort_at desc, id desc"),
                call);
    }

    private static int rows(JdbcClient sql, ListSql.Query query) {
        return sql.sql(query.sql())
                .params(query.params())
                .query((rs, n) -> rs.getLong(1))
                .list()
                .size();
    }

    /**
     * Median execution time reported by EXPLAIN ANALYZE (no planning, no network, no mapping),
     * planned for the actual values as the service's statements are.
     */
    double floor(StatementCapture.Captured query) {
        return withConnection(connection -> {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < FLOOR_RUNS + 1; i++) {
                String json = String.join("\n", explain(connection, "analyze, format json", query));
                Matcher m = EXECUTION_TIME.matcher(json);
                if (!m.find()) {
                    throw new IllegalStateException("No execution time in " + json);
                }
                if (i > 0) {
                    times.add(Double.parseDouble(m.group(1)));
                }
            }
            return Percentiles.of(times).p50();
        });
    }

    /** The plan in text form, kept in the JSON report as evidence. */
    String plan(StatementCapture.Captured query) {
        return withConnection(
                connection -> String.join("\n", explain(connection, "analyze, buffers, costs off, timing off", query)));
    }

    private static List<String> explain(Connection connection, String options, StatementCapture.Captured query)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("explain (" + options + ") " + query.sql())) {
            query.bind(statement);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return lines;
        }
    }

    /**
     * Work on one connection that plans every statement for its values (as the service's list
     * statements are planned, and kind to the comparison too).
     */
    private <T> T withCustomPlans(Function<JdbcClient, T> work) {
        return withConnection(
                connection -> work.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true))));
    }

    private interface OnConnection<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T withConnection(OnConnection<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement st = connection.createStatement()) {
                st.execute("set plan_cache_mode = force_custom_plan");
            }
            try {
                return work.apply(connection);
            } finally {
                try (Statement st = connection.createStatement()) {
                    st.execute("reset plan_cache_mode");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
