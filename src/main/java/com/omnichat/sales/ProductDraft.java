package com.omnichat.sales;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** What the product dialog submits. */
public record ProductDraft(@Nullable String name, @Nullable String sku, @Nullable BigDecimal price, boolean active) {
}
