package com.omnichat.channel;

import java.util.Optional;

/**
 * The content of a queued manager message, read when the delivery worker sends it (SPI,
 * implemented by the inbox). Empty when the message is gone.
 */
public interface OutboundSource {

    Optional<OutboundMessage> outbound(long messageId);
}
