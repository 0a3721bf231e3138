package com.omnichat.sales;

/** An order's way from the chat to the client's door; delivered and cancelled orders are done. */
public enum OrderStatus {
    NEW,
    CONFIRMED,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    /** Still being worked on (shown among the buyer's active orders). */
    public boolean active() {
        return this != DELIVERED && this != CANCELLED;
    }
}
