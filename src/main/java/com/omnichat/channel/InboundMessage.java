package com.omnichat.channel;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;


/**
 * What a channel connector hands to the inbox for every client message. The pair
 * (channelId, externalMessageId) identifies it: delivering it twice stores it once.
 */
public record InboundMessage(long channelId, ClientProfile client, String externalMessageId, @Nullable String text,
                             List<InboundAttachment> attachments, @Nullable String replyToExternalId, Instant sentAt) {

    public InboundMessage {
        if (externalMessageId.isBlank()) {
            throw new IllegalArgumentException("externalMessageId is required");
        }
        attachments = List.copyOf(attachments);
    }

    public static InboundMessage text(long channelId, ClientProfile client, String externalMessageId, String text,
                                      Instant sentAt) {
        return new InboundMessage(channelId, client, externalMessageId, text, List.of(), null, sentAt);
    }
}
