package com.omnichat.channel.internal;

import com.omnichat.channel.ChannelProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Cluster-wide channel jobs (Quartz, clustered store: each runs on one node at a time):
 * profile and photo refresh (every two minutes by default), housekeeping every six hours.
 */
@Configuration(proxyBeanMethods = false)
class ChannelJobs {

    @Bean
    JobDetail profileRefreshJob() {
        return JobBuilder.newJob(ProfileRefreshJob.class)
                .withIdentity("profile-refresh", "channels")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger profileRefreshTrigger(JobDetail profileRefreshJob, ChannelProperties properties) {
        Duration interval = properties.profiles().interval();
        return TriggerBuilder.newTrigger()
                .forJob(profileRefreshJob)
                .withIdentity("profile-refresh", "channels")
                .startAt(Date.from(Instant.now().plus(interval)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    @Bean
    JobDetail channelHousekeepingJob() {
        return JobBuilder.newJob(HousekeepingJob.class)
                .withIdentity("housekeeping", "channels")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger channelHousekeepingTrigger(JobDetail channelHousekeepingJob) {
        return TriggerBuilder.newTrigger()
                .forJob(channelHousekeepingJob)
                .withIdentity("housekeeping", "channels")
                .withSchedule(SimpleScheduleBuilder.repeatHourlyForever(6)
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    @DisallowConcurrentExecution
    public static class ProfileRefreshJob extends QuartzJobBean {

        private final ProfileRefresher refresher;

        public ProfileRefreshJob(ProfileRefresher refresher) {
            this.refresher = refresher;
        }

        @Override
        protected void executeInternal(JobExecutionContext context) {
            refresher.refresh(50);
        }
    }

    /** Deletes what is no longer needed: processed events and sent queue rows after 30 days, outbound media after 14. */
    @DisallowConcurrentExecution
    public static class HousekeepingJob extends QuartzJobBean {

        private final JdbcClient jdbc;

        public HousekeepingJob(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        protected void executeInternal(JobExecutionContext context) {
            jdbc.sql("delete from inbound_event where status = 'DONE' and received_at < now() - interval '30 days'")
                    .update();
            jdbc.sql("delete from outbound_message where status = 'SENT' and updated_at < now() - interval '30 days'")
                    .update();
            jdbc.sql("delete from channel_media where purpose = 'OUTBOUND' and created_at < now() - interval '14 days'")
                    .update();
        }
    }
}
