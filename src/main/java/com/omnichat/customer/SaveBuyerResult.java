package com.omnichat.customer;

import org.jspecify.annotations.Nullable;

/**
 * What "Save buyer" did: {@code buyer} is the saved lead, or the existing buyer he was linked
 * to, in which case {@code linkedBy} says why (the card tells the manager so).
 */
public record SaveBuyerResult(ClientSummary buyer, @Nullable LinkReason linkedBy) {

    public boolean linked() {
        return linkedBy != null;
    }
}
