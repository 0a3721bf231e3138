package com.omnichat.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A channel as administrators see it: connection, which secrets are set (never their
 * values), settings, the webhook URL to register, run-time state and who has access.
 */
public record ChannelDetails(
        long id,
        ChannelType type,
        String name,
        boolean enabled,
        @Nullable ChannelMode mode,
        Set<String> secretsSet,
        Map<String, String> settings,
        @Nullable String webhookUrl,
        Set<Capability> capabilities,
        Set<Long> userIds,
        Runtime runtime) {

    public ChannelInfo info() {
        return new ChannelInfo(id, type, name, enabled);
    }

    /** What the connectors last saw: polling, webhook registration, the last error, failed events. */
    public record Runtime(
            @Nullable Instant lastPollAt,
            @Nullable String lastError,
            @Nullable Instant lastErrorAt,
            @Nullable String registeredWebhookUrl,
            @Nullable Instant webhookRegisteredAt,
            @Nullable Instant throttledUntil,
            long failedEvents,
            long queuedMessages) {

        public static final Runtime NONE = new Runtime(null, null, null, null, null, null, 0, 0);
    }

    /** The form fields of a channel type: secret names and setting names with their label keys. */
    public record Form(List<Field> secrets, List<Field> settings) {}

    public record Field(String name, String labelKey, boolean multiline) {}

    /** A stored inbound event that could not be processed, for inspection. */
    public record FailedEvent(long id, Instant receivedAt, String error, String body) {}
}
