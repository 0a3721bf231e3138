package com.omnichat.channel.connector;

import java.util.List;
import org.jspecify.annotations.Nullable;

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

    /**
     * Sends the parts not sent yet, in order, each right after {@link #beforePart()} and each
     * reported at once. Returns the provider's id of the first part sent now, or null when none
     * was left to send.
     */
    default <P> @Nullable String sendParts(List<P> parts, PartSender<P> sender) throws DeliveryException {
        String first = null;
        for (int i = partsSent(); i < parts.size(); i++) {
            // Still this worker's message? (A slow provider may have let the lease pass to another.)
            beforePart();
            String id = sender.send(i, parts.get(i));
            partSent(id);
            if (first == null) {
                first = id;
            }
        }
        return first;
    }

    /** One provider call for one part (at {@code index} of the message): the provider's id of it. */
    @FunctionalInterface
    interface PartSender<P> {
        String send(int index, P part) throws DeliveryException;
    }
}
