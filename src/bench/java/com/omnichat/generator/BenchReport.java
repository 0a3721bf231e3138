package com.omnichat.generator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one benchmark run measured; written as JSON and rendered as markdown
 * ({@link ReportWriter}). Times are milliseconds unless a name says otherwise.
 */
public record BenchReport(
        String command,
        String startedAt,
        Machine machine,
        Scale scale,
        DataSet.Timings generation,
        List<ListFigure> list,
        List<MessageSearchFigure> messageSearch,
        HistoryFigure history,
        IngestionFigure ingestion,
        IngestionFigure ingestionDirect,
        HttpFloorFigure httpFloor,
        PushFigure push,
        MemoryFigure memory,
        List<TargetCheck> targets) {

    /** {@code loadAverage}: 1, 5 and 15 minute load averages when the run started and when it ended. */
    public record Machine(
            int cores, long ramMiB, String cpu, String postgres, String java, String os, String loadAverage) {}

    public record Scale(
            double scale,
            long conversations,
            long messages,
            int channels,
            int managers,
            int runs,
            int comparisonRuns) {}

    /**
     * One filter combination for one user. {@code matching}: chats matching the tab and filter
     * (the comparison's full count). {@code deepPage} is the page reached after scrolling (51
     * unless the list is shorter). The floor is the median {@code EXPLAIN
     * ANALYZE} execution time of our statement; ratios compare p95 with p95, and our p50
     * with the floor.
     */
    public record ListFigure(
            String who,
            String filter,
            long matching,
            Percentiles first,
            int deepPage,
            int deepRows,
            Percentiles deep,
            Percentiles counts,
            Percentiles comparisonFirst,
            Percentiles comparisonDeep,
            Percentiles comparisonCounts,
            double floorFirst,
            double floorDeep,
            String deepPlan) {

        @JsonProperty
        public double deepVsComparison() {
            return ratio(deep.p95(), comparisonDeep.p95());
        }

        @JsonProperty
        public double countsVsComparison() {
            return ratio(counts.p95(), comparisonCounts.p95());
        }

        @JsonProperty
        public double firstVsFloor() {
            return ratio(first.p50(), floorFirst);
        }

        @JsonProperty
        public double deepVsFloor() {
            return ratio(deep.p50(), floorDeep);
        }

        public boolean search() {
            return filter.contains("search");
        }

        /** The list is long enough for a real deep page (50 full pages before it). */
        public boolean reachesDeepPage() {
            return deepPage > ListBenchmark.SCROLLED_PAGES;
        }
    }

    /**
     * Search in message text, first page, for one user and one word: {@code rows} found on it,
     * ours ({@code InboxService.searchMessages}), the naive ILIKE comparison, the floor (median
     * EXPLAIN ANALYZE of our statement) and that statement's plan.
     */
    public record MessageSearchFigure(
            String who, String filter, int rows, Percentiles first, Percentiles comparison, double floor, String plan) {

        @JsonProperty
        public double vsComparison() {
            return ratio(first.p95(), comparison.p95());
        }

        @JsonProperty
        public double vsFloor() {
            return ratio(first.p50(), floor);
        }
    }

    /** Opening the long chat (the newest 50 messages) and paging up 50 at a time. */
    public record HistoryFigure(
            long conversationId,
            int messages,
            Percentiles open,
            Percentiles pageUp,
            int pagesToTop,
            boolean everyMessageOnce,
            double floorNewest,
            double floorDeep) {}

    /**
     * Deliveries of inbound messages ({@code unique} distinct, {@code duplicates} repeated),
     * and what the database holds afterwards; the ceiling is the same rows by batched JDBC.
     * {@code forged}: deliveries with a wrong secret, of which {@code forgedRejected} were
     * refused and {@code forgedStored} messages stored (must be 0).
     */
    public record IngestionFigure(
            String path,
            int unique,
            int duplicates,
            int concurrency,
            double seconds,
            double perSecond,
            Percentiles latency,
            long stored,
            long storedTwice,
            int failedRequests,
            int forged,
            int forgedRejected,
            long forgedStored,
            long ceilingRows,
            double ceilingPerSecond) {

        @JsonProperty
        public double vsCeiling() {
            return ratio(perSecond, ceilingPerSecond);
        }

        @JsonProperty
        public boolean exact() {
            return stored == unique
                    && storedTwice == 0
                    && failedRequests == 0
                    && forgedRejected == forged
                    && forgedStored == 0;
        }
    }

    /**
     * The same requests answered without database work: what HTTP alone (client, Tomcat, security
     * chain, controller) allows on this machine. {@code unexpected}: answers other than the 404.
     */
    public record HttpFloorFigure(
            String path,
            int requests,
            int concurrency,
            double seconds,
            double perSecond,
            Percentiles latency,
            int unexpected) {}

    /**
     * From the message's arrival to the listener's event ({@code event}) and to the moment the
     * listener has read the new message through the service ({@code visible}).
     */
    public record PushFigure(
            String path,
            int samples,
            Percentiles event,
            Percentiles visible,
            int missed,
            @Nullable String note) {}

    /** Heap after full GC with {@code sessions} signed-in operators, each on the chats page with a chat open. */
    public record MemoryFigure(
            int sessions,
            int verified,
            double heapBeforeMiB,
            double heapAfterMiB,
            double heapAfterSignOutMiB,
            double perUiKiB,
            String mode) {}

    public record TargetCheck(String target, String measured, boolean met) {}

    static double ratio(double ours, double other) {
        return other <= 0 ? 0 : Math.round(ours / other * 1000) / 1000.0;
    }
}
