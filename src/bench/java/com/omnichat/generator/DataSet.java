package com.omnichat.generator;

import java.util.List;

/**
 * What the generator put into the database, as the benchmark needs it: the people to act
 * as, the long chat to open, and how long the generation took.
 */
public record DataSet(
        List<Long> channelIds,
        List<Manager> managers,
        long administratorId,
        long longChatId,
        int longChatMessages,
        long conversations,
        long messages,
        Timings timings) {

    /** A generated manager and the channels granted to him. */
    public record Manager(long id, String login, String fullName, List<Long> channelIds) {}

    /** Seconds spent on each phase; zero when the data set was found in the database. */
    public record Timings(
            double totalSeconds, double loadSeconds, double indexSeconds, double analyzeSeconds, boolean reused) {}
}
