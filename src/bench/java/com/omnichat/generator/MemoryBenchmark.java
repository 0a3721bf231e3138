package com.omnichat.generator;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.chat.PresenceService;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Point 7: heap per open operator UI. N operators sign in over HTTP and each opens the chats
 * page with a chat open (a real session and UI on the server). Heap in use after a full GC,
 * before and after, divided by N. Each chat window announces its viewer, so the benchmark
 * checks through {@link PresenceService} that every UI really is open.
 */
@Component
class MemoryBenchmark {

    private static final Logger log = LoggerFactory.getLogger(MemoryBenchmark.class);
    private static final int WARM_UP_SESSIONS = 2;

    private final PresenceService presence;

    MemoryBenchmark(PresenceService presence) {
        this.presence = presence;
    }

    /** One operator: who signs in and which chat he opens. */
    record Operator(long userId, String login, String password, long chatId) {}

    BenchReport.MemoryFigure run(String baseUrl, List<Operator> operators, int sessions, StaffPrincipal observer)
            throws Exception {
        // Warm up: the first UIs load classes and fill caches that every later one shares.
        List<OperatorSession> warm = new ArrayList<>();
        for (int i = 0; i < WARM_UP_SESSIONS; i++) {
            warm.add(open(baseUrl, operators.get(i % operators.size())));
        }
        long before = usedAfterGc();
        List<OperatorSession> open = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                open.add(open(baseUrl, operators.get(i % operators.size())));
            }
            int verified = verify(operators.subList(0, Math.min(sessions, operators.size())), observer);
            long after = usedAfterGc();
            signOut(open);
            long released = usedAfterGc();
            var figure = new BenchReport.MemoryFigure(
                    sessions,
                    verified,
                    mib(before),
                    mib(after),
                    mib(released),
                    Math.round((after - before) / 1024.0 / sessions * 10) / 10.0,
                    "HTTP sessions (sign-in form, then the chats page with a chat open), heap in use after "
                            + "System.gc(); then all signed out");
            log.info(
                    "memory: {} sessions ({} verified open), heap {} MiB -> {} MiB ({} MiB after signing out), "
                            + "{} KiB per UI",
                    sessions,
                    verified,
                    figure.heapBeforeMiB(),
                    figure.heapAfterMiB(),
                    figure.heapAfterSignOutMiB(),
                    figure.perUiKiB());
            return figure;
        } finally {
            signOut(warm);
            open.forEach(OperatorSession::close);
            warm.forEach(OperatorSession::close);
        }
    }

    private static void signOut(List<OperatorSession> sessions) {
        for (OperatorSession session : sessions) {
            try {
                session.signOut();
            } catch (Exception e) {
                log.warn("Could not sign out a benchmark session: {}", e.toString());
            }
        }
    }

    private static OperatorSession open(String baseUrl, Operator operator) throws Exception {
        var session = new OperatorSession(baseUrl);
        session.signIn(operator.login(), operator.password());
        session.open("chats/" + operator.chatId());
        return session;
    }

    /** How many of the operators are seen viewing their chat (waits up to 10 s for the announcements). */
    private int verify(List<Operator> operators, StaffPrincipal observer) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        int seen = 0;
        while (System.currentTimeMillis() < deadline) {
            seen = SystemAccess.callAs(observer, () -> (int) operators.stream()
                    .filter(o -> presence.others(o.chatId()).stream().anyMatch(p -> p.userId() == o.userId()))
                    .count());
            if (seen == operators.size()) {
                break;
            }
            Thread.sleep(100);
        }
        return seen;
    }

    private static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Several rounds: finalization and reference processing may free more on the next one.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double mib(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
    }
}
