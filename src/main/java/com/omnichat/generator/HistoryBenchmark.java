package com.omnichat.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;

/**
 * Point 4: the chat window on a long chat, through the service calls the window makes —
 * {@link InboxService#get} and {@link InboxService#history} for the newest 50 messages when
 * it opens, then {@code history(before the oldest shown)} for every page scrolled up.
 */
@Component
class HistoryBenchmark {

    static final int PAGE = 50;
    static final int PAGES_UP_PER_RUN = 20;
    /** MessageStore's statement, for the floor; checked against the service's rows. */
    private static final String HISTORY_SQL = """
            select m.id, m.kind, m.author_id, m.body, m.system_code, m.system_args, m.reply_to_id,
                   m.delivery_status, m.failure_reason, m.edited, m.created_at,
                   r.kind as r_kind, r.author_id as r_author, r.body as r_body
            from message m left join message r on r.id = m.reply_to_id
            where m.conversation_id = :conversation and m.id < :before order by m.id desc limit :limit""";

    private final InboxService inbox;
    private final ListBenchmark list;

    HistoryBenchmark(InboxService inbox, ListBenchmark list) {
        this.inbox = inbox;
        this.list = list;
    }

    BenchReport.HistoryFigure run(StaffPrincipal reader, long conversationId, int runs) {
        return SystemAccess.callAs(reader, () -> measure(conversationId, runs));
    }

    private BenchReport.HistoryFigure measure(long conversationId, int runs) {
        // Once all the way up: every message exactly once, in order.
        Set<Long> seen = new HashSet<>();
        int pages = 0;
        boolean ordered = true;
        Long oldest = null;
        Long deepBefore = null;
        while (true) {
            List<MessageView> page = inbox.history(conversationId, oldest, PAGE);
            if (page.isEmpty()) {
                break;
            }
            pages++;
            for (int i = 0; i < page.size(); i++) {
                ordered &= seen.add(page.get(i).id()) && (i == 0 || page.get(i - 1).id() < page.get(i).id());
            }
            if (pages == PAGES_UP_PER_RUN) {
                deepBefore = oldest;
            }
            oldest = page.getFirst().id();
        }
        int total = seen.size();

        List<Double> open = new ArrayList<>();
        List<Double> pageUp = new ArrayList<>();
        for (int run = 0; run < runs + 1; run++) {
            long t0 = System.nanoTime();
            inbox.get(conversationId);
            List<MessageView> page = inbox.history(conversationId, null, PAGE);
            double tOpen = Percentiles.millisSince(t0);
            List<Double> ups = new ArrayList<>();
            for (int p = 0; p < PAGES_UP_PER_RUN && !page.isEmpty(); p++) {
                long t1 = System.nanoTime();
                page = inbox.history(conversationId, page.getFirst().id(), PAGE);
                ups.add(Percentiles.millisSince(t1));
            }
            if (run > 0) {
                open.add(tOpen);
                pageUp.addAll(ups);
            }
        }
        double floorNewest = list.floor(new ListSql.Query(HISTORY_SQL,
                Map.of("conversation", conversationId, "before", Long.MAX_VALUE, "limit", PAGE)));
        double floorDeep = list.floor(new ListSql.Query(HISTORY_SQL, Map.of("conversation", conversationId,
                "before", deepBefore == null ? Long.MAX_VALUE : deepBefore, "limit", PAGE)));
        return new BenchReport.HistoryFigure(conversationId, total, Percentiles.of(open), Percentiles.of(pageUp),
                pages, ordered, floorNewest, floorDeep);
    }
}
