package com.omnichat.channel.webchat;

/** Broadcast (every node) at commit: the visitor has new lines to push to his open streams. */
record VisitorLinesAdded(long channelId, String visitorId) {}
