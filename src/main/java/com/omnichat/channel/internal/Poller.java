package com.omnichat.channel.internal;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.PollResult;
import com.omnichat.channel.connector.ProviderErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One long poll of a channel: fetch updates after the stored offset, store every update,
 * only then advance the offset, then process what was stored. A crash anywhere loses
 * nothing: unstored updates are fetched again (the offset did not move), stored ones are
 * deduplicated by their update id and finished by the retry worker.
 */
@Component
public class Poller {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final ChannelDirectory directory;
    private final ConnectorRegistry registry;
    private final ChannelStateStore state;
    private final InboundEvents events;

    Poller(ChannelDirectory directory, ConnectorRegistry registry, ChannelStateStore state, InboundEvents events) {
        this.directory = directory;
        this.registry = registry;
        this.state = state;
        this.events = events;
    }

    /** Polls once; returns how many new updates were stored. */
    public int pollOnce(long channelId, Duration wait) {
        Optional<ConnectedChannel> channel =
                directory.byId(channelId).filter(c -> c.mode() == ChannelMode.POLLING && directory.enabled(channelId));
        Optional<ChannelConnector> connector = channel.flatMap(registry::forChannel)
                .filter(c -> c.capabilities().contains(Capability.POLLING_RECEIVE));
        if (channel.isEmpty() || connector.isEmpty()) {
            return 0;
        }
        Long offset = state.pollOffset(channelId).orElse(null);
        PollResult result;
        try {
            result = connector.get().poll(channel.get(), offset == null ? null : offset.toString(), wait);
        } catch (RuntimeException e) {
            String error = ProviderErrors.describe(e, channel.get().secrets().values());
            log.warn("Polling channel {} failed: {}", channelId, error);
            state.error(channelId, error);
            return 0;
        }
        List<Long> stored = new ArrayList<>();
        try {
            for (PollResult.RawUpdate update : result.updates()) {
                events.storePolled(channelId, update.key(), update.body()).ifPresent(stored::add);
            }
        } catch (RuntimeException e) {
            // The offset stays: the provider sends these updates again, the stored ones are deduplicated.
            String error = ProviderErrors.describe(e);
            log.warn("Channel {}: storing polled updates failed: {}", channelId, error);
            state.error(channelId, "Storing updates failed: " + error);
            stored.forEach(this::processQuietly);
            return stored.size();
        }
        // Every update is stored: now (and only now) the provider may forget them.
        state.polled(channelId, result.nextCursor() == null ? null : Long.parseLong(result.nextCursor()));
        stored.forEach(this::processQuietly);
        return stored.size();
    }

    private void processQuietly(long eventId) {
        try {
            events.processStored(eventId);
        } catch (RuntimeException e) {
            log.warn("Event {} left for the retry worker: {}", eventId, ProviderErrors.describe(e));
        }
    }
}
