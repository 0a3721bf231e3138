package com.omnichat.sales;

/** How an order reaches the buyer. */
public enum DeliveryMethod {
    PICKUP,
    COURIER,
    POST
}
