package com.omnichat.channel.internal;

import com.omnichat.channel.ChannelProperties;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
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
        return ChannelSchedules.job(ProfileRefreshJob.class, "profile-refresh");
    }

    @Bean
    Trigger profileRefreshTrigger(JobDetail profileRefreshJob, ChannelProperties properties) {
        Duration interval = properties.profiles().interval();
        return ChannelSchedules.every(profileRefreshJob, interval, interval);
    }

    @Bean
    JobDetail channelHousekeepingJob() {
        return ChannelSchedules.job(HousekeepingJob.class, "housekeeping");
    }

    @Bean
    Trigger channelHousekeepingTrigger(JobDetail channelHousekeepingJob) {
        return ChannelSchedules.every(channelHousekeepingJob, Duration.ofHours(6), Duration.ZERO);
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
