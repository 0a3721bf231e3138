package com.omnichat.channel.connector;

/** The provider's payload cannot be understood; the raw event is kept as failed. */
public class UnparseableEventException extends Exception {

    public UnparseableEventException(String message) {
        super(message);
    }

    public UnparseableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
