package com.omnichat.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.omnichat.base.Role;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.chat.ChatCursor;
import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.ChatFilter.Responsible;
import com.omnichat.chat.ChatFilter.StateTab;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.chat.InboxService;

/**
 * Times the chat list through the same service method the UI calls, as a manager with
 * five channels and as an administrator: first page, a page 50 pages deep (keyset), and
 * the tab counts, for the main filter combinations. Prints p50/p95 in milliseconds.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "omnichat.measure.runs")
class InboxMeasurement implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InboxMeasurement.class);
    private static final int PAGE = 50;

    private final InboxService inbox;
    private final JdbcClient jdbc;
    private final ConfigurableApplicationContext context;
    private final int runs;

    InboxMeasurement(InboxService inbox, JdbcClient jdbc, ConfigurableApplicationContext context,
                     @Value("${omnichat.measure.runs}") int runs) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.context = context;
        this.runs = runs;
    }

    @Override
    public void run(ApplicationArguments args) {
        long managerId = jdbc.sql("select id from staff_user where login = 'gen-manager-1'").query(Long.class).single();
        var manager = new StaffPrincipal(managerId, "gen-manager-1", "Generated manager", Role.MANAGER, true, null, null);
        Map<String, ChatFilter> filters = new LinkedHashMap<>();
        filters.put("open, all", ChatFilter.open());
        filters.put("closed, all", ChatFilter.open().withState(StateTab.CLOSED));
        filters.put("all states", ChatFilter.open().withState(StateTab.ALL));
        filters.put("open, mine", new ChatFilter(StateTab.OPEN, "", false, Set.of(), Responsible.MINE, null));
        filters.put("open, unassigned", new ChatFilter(StateTab.OPEN, "", false, Set.of(), Responsible.UNASSIGNED, null));
        filters.put("open, unanswered", new ChatFilter(StateTab.OPEN, "", true, Set.of(), Responsible.ALL, null));
        filters.put("all, unanswered", new ChatFilter(StateTab.ALL, "", true, Set.of(), Responsible.ALL, null));
        filters.put("all, search 'shev'", new ChatFilter(StateTab.ALL, "shev", false, Set.of(), Responsible.ALL, null));
        filters.put("all, search 'олена'", new ChatFilter(StateTab.ALL, "олена", false, Set.of(), Responsible.ALL, null));
        StringBuilder table = new StringBuilder("\n| who | filter | first page p50/p95 | page 50 p50/p95 | counts p50/p95 |\n|---|---|---|---|---|\n");
        for (var entry : filters.entrySet()) {
            table.append(row("manager (5 ch)", entry.getKey(), () -> SystemAccess.callAs(manager, () -> measure(entry.getValue()))));
            table.append(row("administrator", entry.getKey(), () -> SystemAccess.call(() -> measure(entry.getValue()))));
        }
        log.info("Chat list timings over {} runs (ms):{}", runs, table);
        System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 0));
    }

    private static String row(String who, String filter, Supplier<double[][]> work) {
        double[][] t = work.get();
        return "| %s | %s | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f |%n".formatted(who, filter,
                pct(t[0], 50), pct(t[0], 95), pct(t[1], 50), pct(t[1], 95), pct(t[2], 50), pct(t[2], 95));
    }

    private double[][] measure(ChatFilter filter) {
        List<Double> first = new ArrayList<>();
        List<Double> deep = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        // Find the cursor 50 pages down once, by walking the keyset as a scrolling user does.
        ChatCursor cursor = null;
        for (int p = 0; p < 50; p++) {
            List<ConversationSummary> page = inbox.list(filter, cursor, 0, PAGE);
            if (page.isEmpty()) {
                break;
            }
            cursor = page.getLast().cursor();
        }
        for (int i = 0; i < runs + 3; i++) {
            long t0 = System.nanoTime();
            inbox.list(filter, null, 0, PAGE);
            long t1 = System.nanoTime();
            inbox.list(filter, cursor, 0, PAGE);
            long t2 = System.nanoTime();
            inbox.counts(filter);
            long t3 = System.nanoTime();
            if (i >= 3) {
                first.add((t1 - t0) / 1e6);
                deep.add((t2 - t1) / 1e6);
                counts.add((t3 - t2) / 1e6);
            }
        }
        return new double[][] {toArray(first), toArray(deep), toArray(counts)};
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

}
