package com.omnichat.generator;

import org.springframework.core.env.Environment;

/**
 * What one benchmark run does. {@code scale} 1 is the default data set (1,000,000
 * conversations, 10,000,000 messages); the other sizes follow it unless set explicitly
 * ({@code omnichat.bench.*} properties).
 */
public record BenchOptions(
        double scale,
        int conversations,
        long messages,
        int runs,
        int comparisonRuns,
        int ingestMessages,
        int ingestClients,
        int concurrency,
        int pushSamples,
        int sessions,
        boolean reuse,
        String command) {

    public static final int DEFAULT_CONVERSATIONS = 1_000_000;
    public static final long DEFAULT_MESSAGES = 10_000_000;

    public static BenchOptions forScale(double scale) {
        int conversations = (int) Math.round(DEFAULT_CONVERSATIONS * scale);
        long messages = Math.round(DEFAULT_MESSAGES * scale);
        int ingest = (int) Math.max(200, Math.round(20_000 * scale));
        return new BenchOptions(
                scale,
                conversations,
                messages,
                scale >= 0.05 ? 30 : 5,
                scale >= 0.05 ? 10 : 2,
                ingest,
                Math.max(20, ingest / 10),
                16,
                scale >= 0.05 ? 200 : 20,
                scale >= 0.05 ? 50 : 3,
                false,
                "scripts/bench.sh --scale " + scale);
    }

    /** The defaults for the scale, each overridable by an {@code omnichat.bench.<name>} property. */
    static BenchOptions from(Environment env) {
        var d = forScale(env.getProperty("omnichat.bench.scale", Double.class, 1.0));
        return new BenchOptions(
                d.scale(),
                d.conversations(),
                d.messages(),
                env.getProperty("omnichat.bench.runs", Integer.class, d.runs()),
                env.getProperty("omnichat.bench.comparison-runs", Integer.class, d.comparisonRuns()),
                env.getProperty("omnichat.bench.ingest-messages", Integer.class, d.ingestMessages()),
                env.getProperty("omnichat.bench.ingest-clients", Integer.class, d.ingestClients()),
                env.getProperty("omnichat.bench.concurrency", Integer.class, d.concurrency()),
                env.getProperty("omnichat.bench.push-samples", Integer.class, d.pushSamples()),
                env.getProperty("omnichat.bench.sessions", Integer.class, d.sessions()),
                env.getProperty("omnichat.bench.reuse", Boolean.class, false),
                env.getProperty("omnichat.bench.command", d.command()));
    }
}
