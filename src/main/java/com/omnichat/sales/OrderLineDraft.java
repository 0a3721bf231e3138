package com.omnichat.sales;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One line as the form submits it: a catalogue product (its name is the description when
 * none is typed) or free text, a quantity above zero and a unit price of zero or more.
 */
public record OrderLineDraft(@Nullable Long productId, @Nullable String description, @Nullable BigDecimal quantity,
                             @Nullable BigDecimal unitPrice) {
}
