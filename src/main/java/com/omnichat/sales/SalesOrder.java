package com.omnichat.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as views see it. {@code lines} is empty in list rows (the grid does not need
 * them) and complete from {@link OrderService#get}; {@code total} is always the stored sum.
 */
public record SalesOrder(
        long id,
        long number,
        long clientId,
        String clientName,
        OrderStatus status,
        List<OrderLine> lines,
        @Nullable DeliveryMethod deliveryMethod,
        @Nullable String deliveryAddress,
        @Nullable PaymentMethod paymentMethod,
        boolean paid,
        @Nullable String comment,
        @Nullable Long responsibleId,
        @Nullable String responsibleName,
        @Nullable Long conversationId,
        @Nullable Long channelId,
        BigDecimal total,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements SalesRecord {

    public SalesOrder {
        lines = List.copyOf(lines);
    }

    public boolean active() {
        return status.active();
    }
}
