package com.omnichat.chat;

/** Delivery of a manager's message; statuses only move forward, except a failure and its retry. */
public enum DeliveryStatus {
    PENDING,
    SENT,
    DELIVERED,
    READ,
    FAILED;

    boolean isAfter(DeliveryStatus other) {
        return ordinal() > other.ordinal();
    }
}
