package com.omnichat.sales;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A stored order line; {@code lineTotal} is quantity × unit price, rounded to cents. */
public record OrderLine(
        @Nullable Long productId,
        @Nullable String sku,
        String description,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal lineTotal) {}
