package com.omnichat.sales;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the Orders section. {@code status} wins over {@code activeOnly}; {@code search}
 * matches the client's name, phone or e-mail, or the exact order number.
 */
public record OrderFilter(
        boolean activeOnly,
        @Nullable OrderStatus status,
        @Nullable Long responsibleId,
        @Nullable String search) {

    public static OrderFilter all() {
        return new OrderFilter(false, null, null, null);
    }
}
