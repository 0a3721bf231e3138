package com.omnichat.sales;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the order form submits; the total is never submitted, the server computes it. */
public record OrderDraft(
        @Nullable OrderStatus status,
        List<@Valid OrderLineDraft> lines,
        @Nullable DeliveryMethod deliveryMethod,

        @Size(max = OrderService.MAX_ADDRESS, message = "{order.error.address-too-long}") @Nullable
        String deliveryAddress,

        @Nullable PaymentMethod paymentMethod,
        boolean paid,

        @Size(max = OrderService.MAX_COMMENT, message = "{sales.error.comment-too-long}") @Nullable
        String comment,

        @Nullable Long responsibleId) {

    public OrderDraft {
        lines = List.copyOf(lines);
    }
}
