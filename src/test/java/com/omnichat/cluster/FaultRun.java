package com.omnichat.cluster;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault runs against a real node (the packaged jar), recorded in docs/fault-run.md.
 * Started by {@code scripts/fault-run.sh}; prints its figures and writes them to
 * {@code target/fault-run/<scenario>.md}.
 * <ul>
 * <li>{@code provider-outage}: the Telegram provider refuses connections for N minutes while a
 * manager's replies are queued; then it answers again. Every reply must arrive exactly once, and
 * the bot token must appear nowhere in the database dump or the node's log.</li>
 * <li>{@code db-restart}: a burst of webhook posts while PostgreSQL restarts: every update the
 * node acknowledged (200) must be stored exactly once.</li>
 * </ul>
 */
public final class FaultRun {

    private static final Logger log = LoggerFactory.getLogger(FaultRun.class);

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Shop-keeper-2026!";

    private final Map<String, String> options;
    private final List<String> report = new ArrayList<>();

    private FaultRun(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var run = new FaultRun(options);
        String scenario = options.getOrDefault("scenario", "provider-outage");
        int exit = 2;
        try {
            boolean ok = switch (scenario) {
                case "provider-outage" -> run.providerOutage();
                case "db-restart" -> run.databaseRestart();
                default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
            };
            exit = ok ? 0 : 1;
            run.say(ok ? "- RESULT: passed" : "- RESULT: FAILED");
        } catch (Throwable e) {
            e.printStackTrace();
            run.say("- RESULT: the run broke off: " + e);
        } finally {
            Path out = Paths.get("target", "fault-run", scenario + ".md");
            Files.createDirectories(out.getParent());
            Files.write(out, run.report, StandardCharsets.UTF_8);
            log.info("Report: {}", out.toAbsolutePath());
            // Playwright's driver thread would keep the JVM alive.
            System.exit(exit);
        }
    }

    /** The node's settings: the fake provider, plus any {@code --app-properties "k=v,k=v"} of the run. */
    private Map<String, String> nodeProperties(FakeTelegramServer fake) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("omnichat.channels.telegram.api-url", fake.url());
        for (String pair : options.getOrDefault("app-properties", "").split(",")) {
            if (pair.contains("=")) {
                properties.put(
                        pair.substring(0, pair.indexOf('=')).strip(),
                        pair.substring(pair.indexOf('=') + 1).strip());
            }
        }
        return properties;
    }

    private void say(String line) {
        log.info(line);
        report.add(line);
    }

    private boolean providerOutage() throws Exception {
        Duration down =
                Duration.ofSeconds((long) (Double.parseDouble(options.getOrDefault("down-minutes", "20")) * 60));
        int replies = Integer.parseInt(options.getOrDefault("replies", "10"));
        Duration settle = Duration.ofMinutes(Long.parseLong(options.getOrDefault("settle-minutes", "15")));
        String token = "7000001:AAFaultRunToken" + Long.toHexString(System.nanoTime());
        String db = options.getOrDefault("db", "omnichat_fault_outage");

        say("# Provider outage: down " + down.toSeconds() + " s, " + replies + " replies"
                + (options.containsKey("app-properties") ? ", node settings " + options.get("app-properties") : ""));
        try (var database = ClusterDatabase.recreate(db, false);
                var fake = new FakeTelegramServer();
                var node = AppNode.of(
                                "fault-outage-" + db,
                                db,
                                nodeProperties(fake),
                                Map.of("OMNICHAT_ADMIN_LOGIN", ADMIN, "OMNICHAT_ADMIN_PASSWORD", ADMIN_PASSWORD))
                        .start();
                var browser = new ClusterBrowser()) {
            node.awaitHealthy(Duration.ofMinutes(10));
            say("- node up: " + node.url("/") + ", log " + node.log());
            Page admin = browser.newPage();
            ClusterBrowser.signIn(admin, node, ADMIN, ADMIN_PASSWORD);
            ClusterBrowser.connectTelegram(admin, node, "Telegram · fault run", token, "Webhook");
            ClusterBrowser.registerWebhook(admin, node, "Telegram · fault run");
            var push = new TelegramPush(fake.webhooks().getLast());
            for (int i = 1; i <= replies; i++) {
                int status = push.post(node, TelegramPush.textUpdate(i, 5000 + i, client(i), 10 + i, "Question " + i));
                if (status != 200) {
                    throw new IllegalStateException("Webhook answered " + status);
                }
            }
            fake.stop();
            Instant downAt = Instant.now();
            say("- provider down at " + downAt + " (connections refused)");
            List<String> texts = new ArrayList<>();
            for (int i = 1; i <= replies; i++) {
                String text = "Fault-run reply " + i;
                long conversation = database.count("select id from conversation where client_name = ?", client(i));
                ClusterBrowser.reply(admin, node, conversation, client(i), text);
                texts.add(text);
            }
            say("- " + replies + " replies typed by the administrator in " + replies + " chats (queued)");
            Instant back = downAt.plus(down);
            while (Instant.now().isBefore(back)) {
                say("  - " + Instant.now() + " queue: " + statuses(database));
                Thread.sleep(Math.min(
                        60_000,
                        Math.max(1, Duration.between(Instant.now(), back).toMillis())));
            }
            say("- queue when the provider comes back: " + statuses(database));
            fake.start();
            Instant upAt = Instant.now();
            say("- provider back at " + upAt + " (after "
                    + Duration.between(downAt, upAt).toSeconds() + " s)");
            Instant until = upAt.plus(settle);
            while (Instant.now().isBefore(until)
                    && database.count("select count(*) from outbound_message where status in ('QUEUED', 'SENDING')")
                            > 0) {
                Thread.sleep(5_000);
            }
            Instant settled = Instant.now();
            say("- queue settled " + Duration.between(upAt, settled).toSeconds() + " s after the provider came back: "
                    + statuses(database));
            Map<String, Integer> sent = fake.sentTexts();
            long once = texts.stream().filter(t -> sent.getOrDefault(t, 0) == 1).count();
            long never =
                    texts.stream().filter(t -> sent.getOrDefault(t, 0) == 0).count();
            long twice = texts.stream().filter(t -> sent.getOrDefault(t, 0) > 1).count();
            say("- sendMessage per reply: exactly once " + once + ", never " + never + ", more than once " + twice);
            for (var row : database.rows("""
                    select o.status, o.attempts, m.body from outbound_message o join message m on m.id = o.message_id
                    order by o.id""")) {
                say("  - `" + row.get("body") + "`: " + row.get("status") + " after " + row.get("attempts")
                        + " attempts, sent " + sent.getOrDefault((String) row.get("body"), 0) + "x");
            }
            for (var row : database.rows("""
                    select distinct last_error from outbound_message where last_error is not null limit 3""")) {
                say("  - a recorded error: `" + redactedForReport(row.get("last_error"), token) + "`");
            }
            boolean tokenFree = tokenNowhere(database, node, token, admin);
            return once == replies && tokenFree;
        }
    }

    private boolean tokenNowhere(ClusterDatabase database, AppNode node, String token, Page admin)
            throws IOException, InterruptedException {
        Path dump = Paths.get("target", "fault-run", database.name() + ".sql").toAbsolutePath();
        Files.createDirectories(dump.getParent());
        Process pgDump = new ProcessBuilder(
                        "pg_dump", "-h", "localhost", "-U", "postgres", "-f", dump.toString(), database.name())
                .redirectErrorStream(true)
                .start();
        pgDump.waitFor(2, TimeUnit.MINUTES);
        long inDump = occurrences(dump, token);
        long inLog = occurrences(node.log(), token);
        // What managers read: the chats' pages (system messages "not delivered") and the channel's status.
        long inUi = 0;
        for (var row : database.rows("select id from conversation order by id")) {
            admin.navigate(node.url("/chats/" + row.get("id")));
            ClusterBrowser.waitForVaadin(admin);
            inUi += admin.content().contains(token) ? 1 : 0;
        }
        say("- bot token occurrences: database dump " + inDump + " (" + dump.getFileName() + "), node log " + inLog
                + ", chat pages showing it " + inUi);
        return inDump == 0 && inLog == 0 && inUi == 0;
    }

    private static long occurrences(Path file, String token) throws IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        long count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            count++;
        }
        return count;
    }

    private static String redactedForReport(Object text, String token) {
        String s = String.valueOf(text);
        return s.replace(token, "<TOKEN>");
    }

    private static String statuses(ClusterDatabase database) {
        StringBuilder sb = new StringBuilder();
        for (var row : database.rows("""
                select status, count(*) as n, max(attempts) as attempts from outbound_message group by status order by status""")) {
            sb.append(row.get("status"))
                    .append('=')
                    .append(row.get("n"))
                    .append(" (max attempts ")
                    .append(row.get("attempts"))
                    .append(") ");
        }
        return sb.isEmpty() ? "empty" : sb.toString().strip();
    }

    static String client(int i) {
        return "Fault Client %02d".formatted(i);
    }

    /** A burst of webhook posts from several senders while PostgreSQL restarts. */
    private boolean databaseRestart() throws Exception {
        Duration burst = Duration.ofSeconds(Long.parseLong(options.getOrDefault("burst-seconds", "60")));
        Duration restartAfter = Duration.ofSeconds(Long.parseLong(options.getOrDefault("restart-after-seconds", "20")));
        String restart =
                options.getOrDefault("restart-command", "pg_ctlcluster --skip-systemctl-redirect 15 main restart");
        int senders = Integer.parseInt(options.getOrDefault("senders", "4"));
        String db = options.getOrDefault("db", "omnichat_fault_restart");

        say("# PostgreSQL restart during a webhook burst: " + senders + " senders for " + burst.toSeconds()
                + " s, restart after " + restartAfter.toSeconds() + " s (`" + restart + "`)");
        try (var database = ClusterDatabase.recreate(db, false);
                var fake = new FakeTelegramServer();
                var node = AppNode.of(
                                "fault-restart-" + db,
                                db,
                                nodeProperties(fake),
                                Map.of("OMNICHAT_ADMIN_LOGIN", ADMIN, "OMNICHAT_ADMIN_PASSWORD", ADMIN_PASSWORD))
                        .start();
                var browser = new ClusterBrowser()) {
            node.awaitHealthy(Duration.ofMinutes(10));
            Page admin = browser.newPage();
            ClusterBrowser.signIn(admin, node, ADMIN, ADMIN_PASSWORD);
            ClusterBrowser.connectTelegram(
                    admin, node, "Telegram · restart run", "7000001:AARestartRunToken", "Webhook");
            ClusterBrowser.registerWebhook(admin, node, "Telegram · restart run");
            var push = new TelegramPush(fake.webhooks().getLast());

            AtomicLong updateIds = new AtomicLong();
            ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
            Map<Integer, AtomicLong> answers = new java.util.concurrent.ConcurrentHashMap<>();
            AtomicBoolean going = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            if (options.containsKey("restart-not-before")) {
                // The burst begins so that the restart falls at the announced time.
                Instant begin = Instant.parse(options.get("restart-not-before")).minus(restartAfter);
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), begin).toMillis()));
            }
            Instant start = Instant.now();
            for (int s = 0; s < senders; s++) {
                pool.submit(() -> {
                    while (going.get()) {
                        long id = updateIds.incrementAndGet();
                        // 50 clients, each writing in turn; the text names the update.
                        int status = push.post(
                                node,
                                TelegramPush.textUpdate(
                                        id, 9000 + id % 50, "Burst " + id % 50, id, "burst message " + id));
                        answers.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                        if (status == 200) {
                            acknowledged.add(id);
                        }
                    }
                });
            }
            // Never before --restart-not-before (the server is shared: the restart is announced for a time).
            Instant planned = start.plus(restartAfter);
            if (options.containsKey("restart-not-before")) {
                Instant notBefore = Instant.parse(options.get("restart-not-before"));
                planned = planned.isBefore(notBefore) ? notBefore : planned;
            }
            Instant burstEnd = planned.plus(burst.minus(restartAfter));
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), planned).toMillis()));
            Instant restartAt = Instant.now();
            say("- updates posted before the restart: " + updateIds.get() + ", acknowledged " + acknowledged.size());
            Process p = new ProcessBuilder("sh", "-c", restart)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(2, TimeUnit.MINUTES);
            say("- PostgreSQL restarted at " + restartAt + " in "
                    + Duration.between(restartAt, Instant.now()).toMillis() + " ms (exit " + p.exitValue()
                    + (out.isEmpty() ? "" : ", " + out) + ")");
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), burstEnd).toMillis()));
            going.set(false);
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            say("- posted " + updateIds.get() + " updates; answers by status: " + answers);
            // Acknowledged events may wait for the retry worker (their processing hit the restart).
            Instant until = Instant.now().plus(Duration.ofMinutes(5));
            while (Instant.now().isBefore(until)
                    && database.count("select count(*) from inbound_event where status = 'PENDING'") > 0) {
                Thread.sleep(2_000);
            }
            say("- inbound events: "
                    + database.rows("select status, count(*) as n from inbound_event group by status"));
            Map<Long, Long> stored = new HashMap<>();
            for (var row : database.rows("""
                    select substring(body from 'burst message ([0-9]+)')::bigint as id, count(*) as n
                    from message where kind = 'CLIENT' and body like 'burst message %' group by 1""")) {
                stored.put((Long) row.get("id"), (Long) row.get("n"));
            }
            var acked = new java.util.HashSet<>(acknowledged);
            long ackStoredOnce = acknowledged.stream()
                    .filter(id -> stored.getOrDefault(id, 0L) == 1)
                    .count();
            long ackMissing =
                    acknowledged.stream().filter(id -> !stored.containsKey(id)).count();
            long duplicated = stored.values().stream().filter(n -> n > 1).count();
            long unacknowledgedStored =
                    stored.keySet().stream().filter(id -> !acked.contains(id)).count();
            say("- acknowledged (200): " + acknowledged.size() + "; of these stored exactly once: " + ackStoredOnce
                    + ", missing: " + ackMissing + "; stored more than once (any): " + duplicated
                    + "; stored although not acknowledged: " + unacknowledgedStored);
            boolean healthy;
            try {
                node.awaitHealthy(Duration.ofMinutes(2));
                healthy = true;
            } catch (RuntimeException e) {
                healthy = false;
            }
            say("- node healthy (/actuator/health UP) after the restart: " + healthy);
            return ackMissing == 0 && duplicated == 0 && ackStoredOnce == acknowledged.size();
        }
    }
}
