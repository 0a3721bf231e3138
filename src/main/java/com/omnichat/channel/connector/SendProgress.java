package com.omnichat.channel.connector;

/**
 * How far a multi-part send got; connectors skip parts already sent and report each new one.
 * Right before each part's provider call, a connector calls {@link #beforePart()}.
 */
public interface SendProgress {

    int partsSent();

    /**
     * Call right before sending each part: proves (and extends) the worker's lease on the
     * message. Throws when another worker took it over meanwhile; the connector must then not
     * call the provider (let the exception pass).
     */
    void beforePart();

    /** The provider accepted one more part (its id); recorded at once. */
    void partSent(String externalId);
}
