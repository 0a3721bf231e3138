package com.omnichat.channel;

/** What a client did to the channel itself (not a message). */
public enum ClientState {
    SUBSCRIBED,
    UNSUBSCRIBED,
    BLOCKED,
    UNBLOCKED
}
