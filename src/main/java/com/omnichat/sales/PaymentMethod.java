package com.omnichat.sales;

/** How the buyer pays. */
public enum PaymentMethod {
    CASH,
    CARD,
    BANK_TRANSFER,
    CASH_ON_DELIVERY
}
