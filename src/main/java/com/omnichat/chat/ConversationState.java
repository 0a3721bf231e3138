package com.omnichat.chat;

public enum ConversationState {
    OPEN,
    CLOSED
}
