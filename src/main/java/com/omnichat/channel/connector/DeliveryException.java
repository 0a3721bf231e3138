package com.omnichat.channel.connector;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Why a send failed: {@link Kind#RETRYABLE} (network, 5xx) is retried with backoff,
 * {@link Kind#RATE_LIMITED} after the provider's wait, {@link Kind#PERMANENT} (blocked, not
 * subscribed) fails the message with the reason at once.
 */
public class DeliveryException extends Exception {

    public enum Kind {
        RETRYABLE,
        RATE_LIMITED,
        PERMANENT
    }

    private final Kind kind;
    private final @Nullable Duration retryAfter;

    public DeliveryException(Kind kind, String reason, @Nullable Duration retryAfter) {
        super(reason);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static DeliveryException retryable(String reason) {
        return new DeliveryException(Kind.RETRYABLE, reason, null);
    }

    public static DeliveryException permanent(String reason) {
        return new DeliveryException(Kind.PERMANENT, reason, null);
    }

    public static DeliveryException rateLimited(String reason, Duration retryAfter) {
        return new DeliveryException(Kind.RATE_LIMITED, reason, retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
