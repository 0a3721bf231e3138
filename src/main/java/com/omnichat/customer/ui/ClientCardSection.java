package com.omnichat.customer.ui;

import com.vaadin.flow.component.Component;

/**
 * A part of the lead/buyer card contributed by another feature (the client's chats,
 * requests, orders), so the card shows them without depending on those features. Spring
 * beans implementing this are placed on the card in {@link #order()}.
 */
public interface ClientCardSection {

    /** Position on the card, smaller first. */
    int order();

    /** Whether this section applies (e.g. orders only for a buyer). */
    default boolean appliesTo(ClientCardContext context) {
        return true;
    }

    /** A fresh component for the card of {@code context.client()}; created again on every refresh. */
    Component create(ClientCardContext context);
}
