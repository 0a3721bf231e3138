package com.omnichat.channel.internal;

/** A channel's connection (mode, secrets, settings, enabled) changed on this node. */
public record ChannelSettingsChanged(long channelId) {}
