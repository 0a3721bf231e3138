package com.omnichat.channel.connector;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One provider event, normalized. {@code key} identifies it at the provider (a redelivery is
 * stored once); {@code reply} is a body to answer the webhook with (e.g. Viber's welcome
 * message on conversation_started), or null for an empty 200.
 */
public record ParsedEvent(
        @Nullable String key,
        List<InboundEvent> events,
        @Nullable String reply) {

    public ParsedEvent {
        events = List.copyOf(events);
    }

    public static ParsedEvent of(@Nullable String key, InboundEvent... events) {
        return new ParsedEvent(key, List.of(events), null);
    }
}
