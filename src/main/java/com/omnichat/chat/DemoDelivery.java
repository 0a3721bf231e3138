package com.omnichat.chat;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Demo channels have no provider behind them: in the demo, a queued reply is reported as
 * sent and delivered right after it is stored, so the chat shows realistic statuses. Real
 * connectors (the channels issue) replace this for connected channels.
 */
@Component
@ConditionalOnProperty(name = "omnichat.demo-data", havingValue = "true")
class DemoDelivery {

    private final DeliveryService delivery;

    DemoDelivery(DeliveryService delivery) {
        this.delivery = delivery;
    }

    // After commit the original transaction is over: report in a new one.
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(MessageQueued event) {
        String externalId = "demo-" + event.messageId();
        delivery.sent(event.messageId(), externalId);
        delivery.delivered(event.channelId(), externalId);
    }
}
