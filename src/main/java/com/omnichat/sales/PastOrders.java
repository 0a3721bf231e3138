package com.omnichat.sales;

import java.math.BigDecimal;

/**
 * What a buyer bought before: his delivered orders, how many and their total sum. Active
 * orders are listed on their own and cancelled ones were never bought, so neither counts.
 */
public record PastOrders(int count, BigDecimal sum) {

    public boolean any() {
        return count > 0;
    }
}
