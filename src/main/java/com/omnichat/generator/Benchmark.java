package com.omnichat.generator;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.omnichat.base.Role;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageIngestion;

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
    private final HistoryBenchmark history;
    private final IngestionBenchmark ingestion;
    private final MemoryBenchmark memory;
    private final InboxService inbox;
    private final MessageIngestion messageIngestion;
    private final ChannelService channels;
    private final JdbcClient jdbc;
    private final Environment env;

    Benchmark(InboxDataGenerator generator, ListBenchmark list, HistoryBenchmark history,
              IngestionBenchmark ingestion, MemoryBenchmark memory, InboxService inbox,
              MessageIngestion messageIngestion, ChannelService channels, JdbcClient jdbc, Environment env) {
        this.generator = generator;
        this.list = list;
        this.history = history;
        this.ingestion = ingestion;
        this.memory = memory;
        this.inbox = inbox;
        this.messageIngestion = messageIngestion;
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
            log.info("Reusing the data set in the database ({} conversations, {} messages)", data.conversations(),
                    data.messages());
        }
        DataSet.Manager firstManager = data.managers().getFirst();
        var manager = principal(firstManager.id(), firstManager.login(), firstManager.fullName(), Role.MANAGER);
        var admin = principal(data.administratorId(), InboxDataGenerator.ADMIN_LOGIN, "Generated Administrator",
                Role.ADMINISTRATOR);

        // 2, 3. The chat list, the comparison and the floor.
        String nickname = rareNickname(firstManager.channelIds());
        var filters = ListBenchmark.combinations(firstManager.channelIds().getFirst(), nickname);
        var figures = list.run(List.of(new ListBenchmark.Who("manager (5 channels)", manager),
                new ListBenchmark.Who("administrator", admin)), filters, options.runs(), options.comparisonRuns());

        // 4. History of the long chat, read by a manager of its channel.
        long longChatChannel = jdbc.sql("select channel_id from conversation where id = ?").param(data.longChatId())
                .query(Long.class).single();
        DataSet.Manager reader = data.managers().stream().filter(m -> m.channelIds().contains(longChatChannel))
                .findFirst().orElseThrow();
        var historyFigure = history.run(principal(reader.id(), reader.login(), reader.fullName(), Role.MANAGER),
                data.longChatId(), options.runs());
        log.info("history: open {} page up {} ({} messages, {} pages)", historyFigure.open().text(),
                historyFigure.pageUp().text(), historyFigure.messages(), historyFigure.pagesToTop());

        // 5, 6. Ingestion and push, through a channel of their own.
        String run = Long.toString(System.currentTimeMillis(), 36);
        BenchReport.IngestionFigure ingestionFigure;
        BenchReport.PushFigure pushFigure;
        try (InboundSender sender = sender(run)) {
            ingestionFigure = ingestion.ingest(sender, options.ingestMessages(), options.ingestClients(),
                    options.concurrency(), run);
            pushFigure = ingestion.push(sender, admin, options.pushSamples(), run);
        }

        // 7. Memory per open operator UI.
        List<MemoryBenchmark.Operator> operators = new ArrayList<>();
        for (DataSet.Manager m : data.managers()) {
            var first = SystemAccess.callAs(principal(m.id(), m.login(), m.fullName(), Role.MANAGER),
                    () -> inbox.list(ChatFilter.open(), null, 0, 1));
            if (!first.isEmpty()) {
                operators.add(new MemoryBenchmark.Operator(m.id(), m.login(), InboxDataGenerator.MANAGER_PASSWORD,
                        first.getFirst().id()));
            }
        }
        var memoryFigure = memory.run(baseUrl(), operators, options.sessions(), admin);

        return new BenchReport(options.command(), startedAt, machine(loadAtStart + " at the start, " + loadAverage()
                + " at the end"), new BenchReport.Scale(options.scale(),
                data.conversations(), data.messages(), data.channelIds().size(), data.managers().size(),
                options.runs(), options.comparisonRuns()), data.timings(), figures, historyFigure, ingestionFigure,
                pushFigure, memoryFigure, Targets.check(figures, ingestionFigure, pushFigure, memoryFigure));
    }

    /** The HTTP webhook once a channel connector provides it; until then the ingestion contract directly. */
    private InboundSender sender(String run) {
        long channelId = SystemAccess.call(() -> channels.create(ChannelType.TELEGRAM, "Bench inbound " + run,
                Set.of())).id();
        return new DirectIngestionSender(messageIngestion, channelId);
    }

    /** A nickname that exists once: searching for it finds one chat among all. */
    private String rareNickname(List<Long> channelIds) {
        return jdbc.sql("""
                        select client_nickname from conversation
                        where channel_id = ? and client_nickname is not null and client_nickname <> ?
                        order by id desc limit 1""")
                .params(channelIds.getFirst(), InboxDataGenerator.LONG_CHAT_NICKNAME).query(String.class).single();
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
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
        } catch (Exception e) {
            // Not Linux: the model is only informative.
        }
        String postgres = jdbc.sql("show server_version").query(String.class).single();
        return new BenchReport.Machine(Runtime.getRuntime().availableProcessors(), ram, cpu, "PostgreSQL " + postgres,
                "Java " + Runtime.version(), System.getProperty("os.name") + " " + System.getProperty("os.version"), load);
    }
}
