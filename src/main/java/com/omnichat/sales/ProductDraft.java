package com.omnichat.sales;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What the product dialog submits; the dialog shows these rules on its fields, the service enforces them. */
public record ProductDraft(
        @NotBlank(message = "{product.error.name-required}")
        @Size(max = ProductService.MAX_NAME, message = "{product.error.name-too-long}")
        @Nullable
        String name,

        @NotBlank(message = "{product.error.sku-required}")
        @Size(max = ProductService.MAX_SKU, message = "{product.error.sku-too-long}")
        @Pattern(regexp = "\\s*[\\p{L}\\p{N}._/-]+\\s*", message = "{product.error.sku-format}")
        @Nullable
        String sku,

        @NotNull(message = "{product.error.price-required}")
        @PositiveOrZero(message = "{product.error.price-negative}")
        @Digits(integer = 12, fraction = Money.SCALE, message = "{sales.error.money-format}")
        @Nullable
        BigDecimal price,

        boolean active) {}
