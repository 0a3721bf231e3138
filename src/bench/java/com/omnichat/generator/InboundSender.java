package com.omnichat.generator;

/**
 * How the benchmark hands a client message to the application: through a channel's real
 * webhook over HTTP, or (where no webhook exists yet) to the ingestion contract directly.
 * Sending the same delivery twice is a duplicate delivery (a provider's retry).
 */
interface InboundSender extends AutoCloseable {

    /** A message as the provider would deliver it; {@code sequence} is unique per distinct message. */
    record Delivery(int sequence, long clientUserId, String clientName, String clientNickname, String text) {}

    /** Shown in the report: which path the figures went through. */
    String path();

    /** The channel the messages land in (counted afterwards). */
    long channelId();

    /** Delivers one message; false when the application did not accept it (the provider would retry). */
    boolean deliver(Delivery delivery) throws Exception;

    /**
     * Delivers a message with a forged signature or secret; true when the application
     * rejected it. Empty where the path has no authenticity check.
     */
    default java.util.Optional<Boolean> deliverForged(Delivery delivery) throws Exception {
        return java.util.Optional.empty();
    }

    @Override
    default void close() throws Exception {}
}
