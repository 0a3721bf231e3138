package com.omnichat.channel.connector;

/** How far a multi-part send got; connectors skip parts already sent and report each new one. */
public interface SendProgress {

    int partsSent();

    /** The provider accepted one more part (its id); recorded at once. */
    void partSent(String externalId);
}
