package com.omnichat.sales.ui;

import com.omnichat.sales.Product;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What a line sells: a catalogue product (with its id, SKU and price) or free text typed by the manager. */
record Article(
        @Nullable Long productId,
        String name,
        @Nullable String sku,
        @Nullable BigDecimal price) {

    static Article of(Product product) {
        return new Article(product.id(), product.name(), product.sku(), product.price());
    }

    static Article text(String text) {
        return new Article(null, text.strip(), null, null);
    }

    String label() {
        return sku == null ? name : name + " · " + sku;
    }
}
