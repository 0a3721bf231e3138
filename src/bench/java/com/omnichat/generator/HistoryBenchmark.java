package com.omnichat.generator;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Point 4: the chat window on a long chat, through the service calls the window makes —
 * {@link InboxService#get} and {@link InboxService#history} for the newest 50 messages when
 * it opens, then {@code history(before the oldest shown)} for every page scrolled up.
 */
@Component
class HistoryBenchmark {

    static final int PAGE = 50;
    static final int PAGES_UP_PER_RUN = 20;
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
                ordered &= seen.add(page.get(i).id())
                        && (i == 0 || page.get(i - 1).id() < page.get(i).id());
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
        // The floor is the service's own history statement, as it sent it for the newest and a deep page.
        Long deep = deepBefore;
        double floorNewest = list.floor(historyStatement(() -> inbox.history(conversationId, null, PAGE)));
        double floorDeep = list.floor(historyStatement(() -> inbox.history(conversationId, deep, PAGE)));
        return new BenchReport.HistoryFigure(
                conversationId,
                total,
                Percentiles.of(open),
                Percentiles.of(pageUp),
                pages,
                ordered,
                floorNewest,
                floorDeep);
    }

    /** The statement the chat window sends for a page of messages: the one that reads them newest first. */
    private static StatementCapture.Captured historyStatement(Runnable call) {
        return StatementCapture.single(
                "history page", sql -> sql.contains("from message m") && sql.contains("order by m.id desc"), call);
    }
}
