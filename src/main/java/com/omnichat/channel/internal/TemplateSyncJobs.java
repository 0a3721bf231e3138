package com.omnichat.channel.internal;

import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.TemplateService;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Syncs the approved message templates of every channel that has them (clustered: one node at a time), hourly by default. */
@Configuration(proxyBeanMethods = false)
class TemplateSyncJobs {

    @Bean
    JobDetail templateSyncJob() {
        return ChannelSchedules.job(TemplateSyncJob.class, "template-sync");
    }

    @Bean
    Trigger templateSyncTrigger(JobDetail templateSyncJob, ChannelProperties properties) {
        return ChannelSchedules.every(templateSyncJob, properties.templates().interval(), Duration.ofMinutes(1));
    }

    @DisallowConcurrentExecution
    public static class TemplateSyncJob extends QuartzJobBean {

        private final TemplateService templates;
        private final boolean workers;

        public TemplateSyncJob(TemplateService templates, ChannelProperties properties) {
            this.templates = templates;
            // A node without background workers (the integration tests) syncs only when asked.
            this.workers = properties.workers();
        }

        @Override
        protected void executeInternal(JobExecutionContext context) {
            if (workers) {
                SystemAccess.run(templates::syncAll);
            }
        }
    }
}
