package com.omnichat.generator;

import com.omnichat.base.Role;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.InboundSink;
import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.InboxService;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The benchmark of issue 7, in the order of the issue: generate (1), chat list with the
 * comparison and the floor (2, 3), history (4), ingestion (5), push (6), memory (7). Runs
 * inside the application, against its database and its HTTP port.
 */
@Component
public class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);

    private final InboxDataGenerator generator;
    private final ListBenchmark list;
    private final MessageSearchBenchmark messageSearch;
    private final HistoryBenchmark history;
    private final IngestionBenchmark ingestion;
    private final MemoryBenchmark memory;
    private final InboxService inbox;
    private final InboundSink inboundSink;
    private final ChannelAdministration administration;
    private final ChannelService channels;
    private final JdbcClient jdbc;
    private final Environment env;

    Benchmark(
            InboxDataGenerator generator,
            ListBenchmark list,
            MessageSearchBenchmark messageSearch,
            HistoryBenchmark history,
            IngestionBenchmark ingestion,
            MemoryBenchmark memory,
            InboxService inbox,
            InboundSink inboundSink,
            ChannelAdministration administration,
            ChannelService channels,
            JdbcClient jdbc,
            Environment env) {
        this.generator = generator;
        this.list = list;
        this.messageSearch = messageSearch;
        this.history = history;
        this.ingestion = ingestion;
        this.memory = memory;
        this.inbox = inbox;
        this.inboundSink = inboundSink;
        this.administration = administration;
        this.channels = channels;
        this.jdbc = jdbc;
        this.env = env;
    }

    public BenchReport run(BenchOptions options) throws Exception {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadAtStart = loadAverage();
        log.info("Benchmark {}", options);

        // 1. The data set.
        DataSet data = options.reuse() ? generator.find(options.conversations()) : null;
        if (data == null) {
            data = generator.generate(options.conversations(), options.messages());
        } else {
            log.info(
                    "Reusing the data set in the database ({} conversations, {} messages)",
                    data.conversations(),
                    data.messages());
        }
        DataSet.Manager firstManager = data.managers().getFirst();
        var manager = principal(firstManager.id(), firstManager.login(), firstManager.fullName(), Role.MANAGER);
        var admin = principal(
                data.administratorId(), InboxDataGenerator.ADMIN_LOGIN, "Generated Administrator", Role.ADMINISTRATOR);

        // 2, 3. The chat list, the comparison and the floor.
        String nickname = rareNickname(firstManager.channelIds());
        var filters = ListBenchmark.combinations(firstManager.channelIds().getFirst(), nickname);
        var who = List.of(
                new ListBenchmark.Who("manager (5 channels)", manager), new ListBenchmark.Who("administrator", admin));
        var figures = list.run(who, filters, options.runs(), options.comparisonRuns());
        var searchFigures =
                messageSearch.run(who, MessageSearchBenchmark.combinations(), options.runs(), options.comparisonRuns());

        // 4. History of the long chat, read by a manager of its channel.
        long longChatChannel = jdbc.sql("select channel_id from conversation where id = ?")
                .param(data.longChatId())
                .query(Long.class)
                .single();
        DataSet.Manager reader = data.managers().stream()
                .filter(m -> m.channelIds().contains(longChatChannel))
                .findFirst()
                .orElseThrow();
        var historyFigure = history.run(
                principal(reader.id(), reader.login(), reader.fullName(), Role.MANAGER),
                data.longChatId(),
                options.runs());
        log.info(
                "history: open {} page up {} ({} messages, {} pages)",
                historyFigure.open().text(),
                historyFigure.pageUp().text(),
                historyFigure.messages(),
                historyFigure.pagesToTop());

        // 5, 6. Ingestion and push through the Telegram webhook, each path into a channel of its own;
        // the ingestion contract alone as a diagnostic row.
        String run = Long.toString(System.currentTimeMillis(), 36);
        BenchReport.IngestionFigure ingestionFigure;
        BenchReport.IngestionFigure directFigure;
        BenchReport.PushFigure pushFigure;
        BenchReport.HttpFloorFigure floorFigure;
        try (var floor = TelegramWebhookSender.unknownChannel(baseUrl(), run)) {
            floorFigure = ingestion.httpFloor(
                    floor, options.ingestMessages(), options.ingestClients(), options.concurrency(), run + "f");
        }
        try (InboundSender webhook = telegramWebhook(run)) {
            ingestionFigure = ingestion.ingest(
                    webhook, options.ingestMessages(), options.ingestClients(), options.concurrency(), run);
            pushFigure = ingestion.push(webhook, admin, options.pushSamples(), run);
        }
        long directChannel = SystemAccess.call(
                        () -> channels.create(ChannelType.TELEGRAM, "Bench direct " + run, Set.of()))
                .id();
        try (InboundSender direct = new DirectIngestionSender(inboundSink, directChannel)) {
            directFigure = ingestion.ingest(
                    direct, options.ingestMessages(), options.ingestClients(), options.concurrency(), run + "d");
        }

        // 7. Memory per open operator UI.
        List<MemoryBenchmark.Operator> operators = new ArrayList<>();
        for (DataSet.Manager m : data.managers()) {
            var first = SystemAccess.callAs(
                    principal(m.id(), m.login(), m.fullName(), Role.MANAGER),
                    () -> inbox.list(ChatFilter.open(), null, 0, 1));
            if (!first.isEmpty()) {
                operators.add(new MemoryBenchmark.Operator(
                        m.id(),
                        m.login(),
                        InboxDataGenerator.MANAGER_PASSWORD,
                        first.getFirst().id()));
            }
        }
        var memoryFigure = memory.run(baseUrl(), operators, options.sessions(), admin);

        return new BenchReport(
                options.command(),
                startedAt,
                machine(loadAtStart + " at the start, " + loadAverage() + " at the end"),
                new BenchReport.Scale(
                        options.scale(),
                        data.conversations(),
                        data.messages(),
                        data.channelIds().size(),
                        data.managers().size(),
                        options.runs(),
                        options.comparisonRuns()),
                data.timings(),
                figures,
                searchFigures,
                historyFigure,
                ingestionFigure,
                directFigure,
                floorFigure,
                pushFigure,
                memoryFigure,
                Targets.check(figures, searchFigures, ingestionFigure, pushFigure, memoryFigure));
    }

    /**
     * A Telegram bot channel in webhook mode, connected as an administrator would (the bot
     * token is never used: nothing is sent). Its webhook URL carries the channel's key.
     */
    private TelegramWebhookSender telegramWebhook(String run) {
        String secret = "bench-secret-" + run;
        ChannelDetails channel = SystemAccess.call(() -> administration.save(new ChannelDraft(
                null,
                ChannelType.TELEGRAM,
                "Bench Telegram " + run,
                ChannelMode.WEBHOOK,
                Map.of("botToken", "0:bench-" + run, "webhookSecret", secret),
                Map.of(),
                true)));
        if (channel.webhookUrl() == null) {
            throw new IllegalStateException("No webhook URL: set omnichat.public-url (OMNICHAT_PUBLIC_URL)");
        }
        String key = channel.webhookUrl().substring(channel.webhookUrl().lastIndexOf('/') + 1);
        return new TelegramWebhookSender(channel.id(), baseUrl() + "/webhooks/telegram/" + key, secret);
    }

    /** A nickname that exists once: searching for it finds one chat among all. */
    private String rareNickname(List<Long> channelIds) {
        return jdbc.sql("""
                        select client_nickname from conversation
                        where channel_id = ? and client_nickname is not null and client_nickname <> ?
                        order by id desc limit 1""")
                .params(channelIds.getFirst(), InboxDataGenerator.LONG_CHAT_NICKNAME)
                .query(String.class)
                .single();
    }

    private String baseUrl() {
        return "http://localhost:" + env.getRequiredProperty("local.server.port");
    }

    private static StaffPrincipal principal(long id, String login, String fullName, Role role) {
        return new StaffPrincipal(id, login, fullName, role, true, null, null);
    }

    /** The machine is shared: how busy it was is part of the result. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private BenchReport.Machine machine(String load) {
        long ram = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            ram = os.getTotalMemorySize() / 1024 / 1024;
        }
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("");
        } catch (Exception e) {
            // Not Linux: the model is only informative.
        }
        String postgres = jdbc.sql("show server_version").query(String.class).single();
        return new BenchReport.Machine(
                Runtime.getRuntime().availableProcessors(),
                ram,
                cpu,
                "PostgreSQL " + postgres,
                "Java " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                load);
    }
}
