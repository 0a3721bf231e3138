package com.omnichat.chat;

/** Published (after commit) when a new client message was stored. */
public record MessageReceived(long messageId, long conversationId, long channelId) {}
