package com.omnichat.customer;

import org.jspecify.annotations.Nullable;

/**
 * A manager changed the client's card: name, phone, e-mail or note, or confirmed a phone or
 * e-mail the client left himself. Published inside the changing transaction; {@code value} is
 * the new (or confirmed) value (null when cleared; never the note's text). {@code conversationId}
 * is the chat the manager acted from, or 0.
 */
public record ClientUpdated(
        long clientId,
        long conversationId,
        Change change,
        @Nullable String value) {

    public enum Change {
        NAME,
        PHONE,
        EMAIL,
        NOTE,
        PHONE_CONFIRMED,
        EMAIL_CONFIRMED
    }
}
