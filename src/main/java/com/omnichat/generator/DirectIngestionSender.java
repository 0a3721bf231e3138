package com.omnichat.generator;

import java.time.Instant;

import com.omnichat.chat.InboundMessage;
import com.omnichat.chat.MessageIngestion;
import com.omnichat.customer.ClientProfile;

/**
 * Stand-in for the webhook while no channel connector exists: calls the ingestion contract
 * ({@link MessageIngestion#receive}) a connector calls, without HTTP, JSON or signature checks.
 * Figures through it are labelled as such in the report.
 */
final class DirectIngestionSender implements InboundSender {

    static final String PATH = "MessageIngestion.receive (direct, no HTTP — stand-in until the webhook exists)";

    private final MessageIngestion ingestion;
    private final long channelId;

    DirectIngestionSender(MessageIngestion ingestion, long channelId) {
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
