package com.omnichat.channel;

/** A channel as other modules see it. */
public record ChannelInfo(long id, ChannelType type, String name, boolean enabled) {}
