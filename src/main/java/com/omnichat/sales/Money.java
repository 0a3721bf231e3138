package com.omnichat.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Order arithmetic, in one place for the server (which stores the result) and the form
 * (which previews it): amounts in cents, half-up, never binary floating point.
 */
public final class Money {

    public static final int SCALE = 2;

    private Money() {}

    public static BigDecimal lineTotal(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal sum(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(SCALE, RoundingMode.HALF_UP);
    }
}
