package com.omnichat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;

/** Scheduled work runs through the clustered JDBC job store whose tables Flyway creates. */
@IntegrationTest
class QuartzSchedulerTest {

    private static final CountDownLatch PROBE_RAN = new CountDownLatch(1);

    @Autowired
    Scheduler scheduler;

    @Test
    void clusteredJdbcJobStoreRunsAJob() throws Exception {
        SchedulerMetaData meta = scheduler.getMetaData();
        assertThat(meta.isStarted()).isTrue();
        assertThat(meta.isJobStoreSupportsPersistence()).as("JDBC job store").isTrue();
        assertThat(meta.isJobStoreClustered()).isTrue();

        JobDetail probe = JobBuilder.newJob(Probe.class)
                .withIdentity("probe-" + UUID.randomUUID())
                .build();
        scheduler.scheduleJob(probe, TriggerBuilder.newTrigger().startNow().build());

        assertThat(PROBE_RAN.await(60, TimeUnit.SECONDS)).as("the job ran").isTrue();
    }

    /** Counts down when Quartz runs it. */
    public static class Probe implements Job {

        @Override
        public void execute(JobExecutionContext context) {
            PROBE_RAN.countDown();
        }
    }
}
