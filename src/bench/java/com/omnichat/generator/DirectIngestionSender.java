package com.omnichat.generator;

import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.InboundSink;
import java.time.Instant;

/**
 * The ingestion contract alone ({@link InboundSink#receive}, implemented by
 * chat.MessageIngestion): what a connector calls after parsing, without HTTP, JSON, the
 * authenticity check or storing the raw event. A diagnostic row next to the webhook's, to
 * show where the time goes.
 */
final class DirectIngestionSender implements InboundSender {

    static final String PATH = "InboundSink.receive (MessageIngestion directly: no HTTP, no raw event)";

    private final InboundSink ingestion;
    private final long channelId;

    DirectIngestionSender(InboundSink ingestion, long channelId) {
        this.ingestion = ingestion;
        this.channelId = channelId;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public long channelId() {
        return channelId;
    }

    @Override
    public boolean deliver(Delivery d) {
        var client = new ClientProfile(Long.toString(d.clientUserId()), d.clientName(), d.clientNickname(), null);
        ingestion.receive(InboundMessage.text(channelId, client, "bench-" + d.sequence(), d.text(), Instant.now()));
        return true;
    }
}
