package com.omnichat.channel.internal;

import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.connector.ProviderErrors;
import java.util.HashSet;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps one Quartz polling job per enabled channel in mode POLLING (and none for others):
 * at start-up, after a change on this node, and every minute (changes made on other nodes).
 * The job store is shared by the cluster, so any node may reconcile.
 */
@Component
public class PollingScheduler {

    static final String GROUP = "channel-polling";
    private static final Logger log = LoggerFactory.getLogger(PollingScheduler.class);

    private final Scheduler scheduler;
    private final ChannelDirectory directory;
    private final boolean enabled;

    PollingScheduler(Scheduler scheduler, ChannelDirectory directory, ChannelProperties properties) {
        this.scheduler = scheduler;
        this.directory = directory;
        this.enabled = properties.polling().enabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        reconcile();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ChannelSettingsChanged event) {
        reconcile();
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    public synchronized void reconcile() {
        if (!enabled) {
            return;
        }
        try {
            Set<JobKey> wanted = new HashSet<>();
            for (var channel : directory.connected(ChannelMode.POLLING)) {
                JobKey key = jobKey(channel.id());
                wanted.add(key);
                if (!scheduler.checkExists(key)) {
                    schedule(channel.id());
                }
            }
            for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.contains(existing)) {
                    scheduler.deleteJob(existing);
                    log.info("Stopped polling {}", existing.getName());
                }
            }
        } catch (SchedulerException e) {
            log.warn("Could not reconcile polling jobs: {}", ProviderErrors.describe(e));
        }
    }

    /** Schedules the channel's polling job (a no-op when it exists). */
    public void schedule(long channelId) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(PollingJob.class)
                .withIdentity(jobKey(channelId))
                .usingJobData(PollingJob.CHANNEL_ID, channelId)
                .storeDurably(false)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity("poll-" + channelId, GROUP)
                .forJob(job)
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(1)
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startAt(java.util.Date.from(java.time.Instant.now().plusSeconds(1)))
                .build();
        try {
            scheduler.scheduleJob(job, trigger);
            log.info("Polling channel {}", channelId);
        } catch (org.quartz.ObjectAlreadyExistsException raced) {
            // Another node scheduled it first.
        }
    }

    public boolean isScheduled(long channelId) throws SchedulerException {
        return scheduler.checkExists(jobKey(channelId));
    }

    static JobKey jobKey(long channelId) {
        return JobKey.jobKey("poll-" + channelId, GROUP);
    }
}
