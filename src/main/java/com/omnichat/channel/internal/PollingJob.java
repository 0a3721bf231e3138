package com.omnichat.channel.internal;

import com.omnichat.channel.ChannelProperties;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Long-polls one channel (its id in the job data). Quartz's clustered store with
 * {@link DisallowConcurrentExecution} makes sure only one node polls a channel at a time.
 */
@DisallowConcurrentExecution
public class PollingJob extends QuartzJobBean {

    static final String CHANNEL_ID = "channelId";

    private final Poller poller;
    private final Duration wait;

    public PollingJob(Poller poller, ChannelProperties properties) {
        this.poller = poller;
        this.wait = properties.polling().longPollWait();
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        poller.pollOnce(context.getMergedJobDataMap().getLong(CHANNEL_ID), wait);
    }
}
