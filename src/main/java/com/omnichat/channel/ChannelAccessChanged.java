package com.omnichat.channel;

/** Published when a channel appears or who may use it changes; open views re-read their access. */
public record ChannelAccessChanged(long channelId) {}
