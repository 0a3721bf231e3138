package com.omnichat.generator;

import java.util.Arrays;
import java.util.List;

/** p50/p95/p99 (nearest rank) of a set of timings in milliseconds. */
public record Percentiles(double p50, double p95, double p99, int samples) {

    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0);

    static Percentiles of(List<Double> millis) {
        if (millis.isEmpty()) {
            return NONE;
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.length);
    }

    private static double rank(double[] sorted, int p) {
        double value = sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        return Math.round(value * 100) / 100.0;
    }

    /** "p50 / p95 / p99" for the tables. */
    String text() {
        return samples == 0 ? "—" : "%s / %s / %s".formatted(ms(p50), ms(p95), ms(p99));
    }

    static String ms(double value) {
        return value >= 100
                ? Long.toString(Math.round(value))
                : String.format(java.util.Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    static double millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1e6;
    }
}
