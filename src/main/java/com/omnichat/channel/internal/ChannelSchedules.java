package com.omnichat.channel.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The one way the channel module declares its cluster-wide repeating Quartz jobs: a durable
 * job and a trigger of the same name in the group "channels". A missed run is not caught up
 * (the next one comes at its time).
 */
final class ChannelSchedules {

    private static final String GROUP = "channels";

    private ChannelSchedules() {}

    static JobDetail job(Class<? extends Job> type, String name) {
        return JobBuilder.newJob(type).withIdentity(name, GROUP).storeDurably().build();
    }

    /** Runs {@code job} every {@code interval}, the first time {@code firstAfter} from now. */
    static Trigger every(JobDetail job, Duration interval, Duration firstAfter) {
        return TriggerBuilder.newTrigger()
                .forJob(job)
                .withIdentity(job.getKey().getName(), GROUP)
                .startAt(Date.from(Instant.now().plus(firstAfter)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
