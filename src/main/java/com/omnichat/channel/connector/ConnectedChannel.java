package com.omnichat.channel.connector;

import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A channel as a connector sees it: ids, mode, decrypted secrets and plain settings. */
public record ConnectedChannel(
        long id,
        String key,
        ChannelType type,
        String name,
        @Nullable ChannelMode mode,
        Map<String, String> secrets,
        Map<String, String> settings) {

    public ConnectedChannel {
        secrets = Map.copyOf(secrets);
        settings = Map.copyOf(settings);
    }

    /** A required secret; a missing one is a configuration error. */
    public String secret(String name) {
        String value = secrets.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Channel " + id + " has no " + name);
        }
        return value;
    }

    public @Nullable String setting(String name) {
        String value = settings.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        // Never print the secrets.
        return "ConnectedChannel[" + id + " " + type + " " + name + "]";
    }
}
