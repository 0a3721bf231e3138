package com.omnichat.sales;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line as the form submits it: a catalogue product (its name is the description when
 * none is typed) or free text, a quantity above zero and a unit price of zero or more. The
 * messages name the line: {@code {0}} is its number.
 */
public record OrderLineDraft(
        @Nullable Long productId,
        @Nullable String description,

        @NotNull(message = "{order.error.quantity-required}")
        @Positive(message = "{order.error.quantity-positive}")
        @Digits(integer = 9, fraction = 3, message = "{order.error.quantity-format}")
        @Nullable
        BigDecimal quantity,

        @NotNull(message = "{order.error.price-required}")
        @PositiveOrZero(message = "{order.error.price-negative}")
        @Digits(integer = 12, fraction = Money.SCALE, message = "{order.error.price-format}")
        @Nullable
        BigDecimal unitPrice) {}
