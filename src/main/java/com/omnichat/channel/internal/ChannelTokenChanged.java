package com.omnichat.channel.internal;

/** Broadcast (every node) when a channel's token was rejected by its provider, or works again. */
public record ChannelTokenChanged(long channelId, boolean rejected) {}
