package com.omnichat.customer;

import org.jspecify.annotations.Nullable;

/**
 * What "Save buyer" did. Saved: {@code buyer} is the lead, a buyer now. Linked (after the
 * manager confirmed an offer): {@code buyer} is the existing buyer and {@code linkedBy} says
 * why. Offered: nothing changed yet, {@code buyer} is the lead as he is and {@code offer} the
 * visible buyer with the same phone or e-mail, for the manager to confirm or decline.
 * <p>
 * A result never mentions a buyer the manager may not see.
 */
public record SaveBuyerResult(
        ClientSummary buyer,
        @Nullable LinkReason linkedBy,
        @Nullable BuyerMatch offer) {

    static SaveBuyerResult saved(ClientSummary buyer) {
        return new SaveBuyerResult(buyer, null, null);
    }

    static SaveBuyerResult linked(ClientSummary buyer, LinkReason reason) {
        return new SaveBuyerResult(buyer, reason, null);
    }

    static SaveBuyerResult offered(ClientSummary lead, BuyerMatch offer) {
        return new SaveBuyerResult(lead, null, offer);
    }

    public boolean linked() {
        return linkedBy != null;
    }

    /** Nothing was saved: the manager is to confirm the offered buyer or create a new one. */
    public boolean offered() {
        return offer != null;
    }
}
