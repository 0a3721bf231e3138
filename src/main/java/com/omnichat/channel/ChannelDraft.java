package com.omnichat.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A channel as the administration form edits it. {@code secrets}: a blank or missing value
 * keeps the stored one (secrets are never shown again). {@code mode} null: not connected.
 */
public record ChannelDraft(
        @Nullable Long id,
        ChannelType type,

        @NotBlank(message = "{channels.error.name-required}")
        @Size(max = ChannelAdministration.NAME_MAX, message = "{channels.error.name-too-long}")
        String name,

        @Nullable ChannelMode mode,
        Map<String, String> secrets,
        Map<String, String> settings,
        boolean enabled) {

    public ChannelDraft {
        secrets = Map.copyOf(secrets);
        settings = Map.copyOf(settings);
    }
}
