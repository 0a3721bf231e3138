package com.omnichat.sales;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the order form submits; the total is never submitted, the server computes it. */
public record OrderDraft(@Nullable OrderStatus status, List<OrderLineDraft> lines,
                         @Nullable DeliveryMethod deliveryMethod, @Nullable String deliveryAddress,
                         @Nullable PaymentMethod paymentMethod, boolean paid, @Nullable String comment,
                         @Nullable Long responsibleId) {

    public OrderDraft {
        lines = List.copyOf(lines);
    }
}
