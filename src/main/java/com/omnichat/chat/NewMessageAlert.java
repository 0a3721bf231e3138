package com.omnichat.chat;

/**
 * What a user's open tabs show for a new client message: who wrote and the start of the
 * text, and which of his signals he wants (the tab title always counts it).
 */
public record NewMessageAlert(long conversationId, String clientName, String preview, boolean sound, boolean desktop) {}
