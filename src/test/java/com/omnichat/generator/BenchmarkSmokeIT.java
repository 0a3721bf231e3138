package com.omnichat.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark harness at a tiny scale, as CI runs it: every figure is produced, the
 * ingestion stores each message exactly once, the long chat reads back completely, every
 * operator UI really opens. No timing is asserted — figures at this size mean nothing.
 * <p>
 * A context of its own (unavoidable): a real HTTP port for the operator sessions and the
 * webhook, and a database of its own ({@code <test database>_bench}, recreated per run)
 * so the generated data never meets the other tests' data.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:postgresql://localhost:5432/${OMNICHAT_TEST_DB:omnichat_test}_bench",
            "spring.datasource.hikari.maximum-pool-size=10"
        })
@ActiveProfiles("test")
class BenchmarkSmokeIT {

    private static final int RUNS = 2;
    private static final int COMPARISON_RUNS = 1;
    private static final int UNIQUE = 200;
    private static final int PUSH = 10;
    private static final int SESSIONS = 2;

    @Autowired
    Benchmark benchmark;

    /**
     * The benchmark's bot token is made up: background jobs call a closed port, not Telegram. A port
     * this JVM bound on loopback and closed again, rather than a well-known one that may be open here.
     */
    @DynamicPropertySource
    static void telegramOnAClosedPort(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        registry.add("omnichat.channels.telegram.api-url", () -> "http://127.0.0.1:" + closed);
    }

    @Test
    void harnessProducesEveryFigureAndIngestionLosesAndDuplicatesNothing() throws Exception {
        var options = new BenchOptions(
                0.002, 2_000, 20_000, RUNS, COMPARISON_RUNS, UNIQUE, 20, 4, PUSH, SESSIONS, false, "BenchmarkSmokeIT");

        BenchReport report = benchmark.run(options);

        assertThat(report.scale().conversations()).isEqualTo(2_000);
        assertThat(report.scale().messages()).isEqualTo(20_000);
        assertThat(report.generation().totalSeconds()).isPositive();
        assertThat(report.machine().cores()).isPositive();
        assertThat(report.machine().postgres()).startsWith("PostgreSQL ");

        int combinations = ListBenchmark.combinations(1, "x").size();
        assertThat(report.list()).hasSize(2 * combinations);
        assertThat(report.list()).allSatisfy(f -> {
            assertThat(f.first().samples()).as(f.who() + " " + f.filter()).isEqualTo(RUNS);
            assertThat(f.deep().samples()).isEqualTo(RUNS);
            assertThat(f.counts().samples()).isEqualTo(RUNS);
            assertThat(f.comparisonFirst().samples()).isEqualTo(COMPARISON_RUNS);
            assertThat(f.comparisonDeep().samples()).isEqualTo(COMPARISON_RUNS);
            assertThat(f.comparisonCounts().samples()).isEqualTo(COMPARISON_RUNS);
            assertThat(f.floorFirst()).isNotNegative();
            assertThat(f.deepPlan()).contains("Execution Time");
        });

        assertThat(report.messageSearch())
                .hasSize(2 * MessageSearchBenchmark.combinations().size());
        assertThat(report.messageSearch()).allSatisfy(f -> {
            assertThat(f.first().samples()).as(f.who() + " " + f.filter()).isEqualTo(RUNS);
            assertThat(f.comparison().samples()).isEqualTo(COMPARISON_RUNS);
            assertThat(f.floor()).isNotNegative();
            assertThat(f.plan()).contains("Execution Time");
        });
        assertThat(report.messageSearch())
                .as("the frequent word is found")
                .anySatisfy(f -> assertThat(f.rows()).isPositive());

        var history = report.history();
        assertThat(history.messages()).isEqualTo(InboxDataGenerator.LONG_CHAT);
        assertThat(history.everyMessageOnce()).isTrue();
        assertThat(history.pagesToTop()).isEqualTo(InboxDataGenerator.LONG_CHAT / HistoryBenchmark.PAGE);
        assertThat(history.open().samples()).isEqualTo(RUNS);
        assertThat(history.pageUp().samples()).isEqualTo(RUNS * HistoryBenchmark.PAGES_UP_PER_RUN);

        assertThat(report.ingestion().path()).isEqualTo(TelegramWebhookSender.PATH);
        assertThat(report.ingestion().forged()).isEqualTo(IngestionBenchmark.FORGED);
        assertThat(report.ingestion().forgedRejected())
                .as("forged deliveries refused")
                .isEqualTo(IngestionBenchmark.FORGED);
        assertThat(report.ingestion().forgedStored())
                .as("forged deliveries stored")
                .isZero();
        assertThat(report.ingestionDirect().path()).isEqualTo(DirectIngestionSender.PATH);
        assertThat(report.httpFloor().path()).isEqualTo(TelegramWebhookSender.FLOOR_PATH);
        assertThat(report.httpFloor().requests()).isEqualTo(UNIQUE + UNIQUE / 10);
        assertThat(report.httpFloor().unexpected())
                .as("every floor request answered 404")
                .isZero();
        for (var ingestion : java.util.List.of(report.ingestion(), report.ingestionDirect())) {
            assertThat(ingestion.unique()).isEqualTo(UNIQUE);
            assertThat(ingestion.duplicates()).isEqualTo(UNIQUE / 10);
            assertThat(ingestion.failedRequests()).as(ingestion.path()).isZero();
            assertThat(ingestion.stored())
                    .as("no message lost: " + ingestion.path())
                    .isEqualTo(UNIQUE);
            assertThat(ingestion.storedTwice())
                    .as("no message stored twice: " + ingestion.path())
                    .isZero();
            assertThat(ingestion.latency().samples()).isEqualTo(UNIQUE + UNIQUE / 10);
            assertThat(ingestion.ceilingRows()).isEqualTo(UNIQUE);
            assertThat(ingestion.ceilingPerSecond()).isPositive();
        }

        assertThat(report.push().path()).isEqualTo(TelegramWebhookSender.PATH);
        assertThat(report.push().samples()).isEqualTo(PUSH);
        assertThat(report.push().missed()).isZero();

        assertThat(report.memory().sessions()).isEqualTo(SESSIONS);
        assertThat(report.memory().verified())
                .as("operators seen with their chat open")
                .isEqualTo(SESSIONS);

        assertThat(report.targets())
                .hasSize(14)
                .allSatisfy(t -> assertThat(t.measured()).isNotBlank());
        assertThat(ReportWriter.markdown(report))
                .contains(
                        "### Targets",
                        "### 1. Generation",
                        "### 2-3. Chat list",
                        "### 3b. Search in message text",
                        "### 4. Chat history",
                        "### 5. Ingestion",
                        "### 6. Push latency",
                        "### 7. Memory");
        assertThat(ReportWriter.json(report)).contains("\"ingestion\"", "\"deepVsComparison\"");
    }
}
