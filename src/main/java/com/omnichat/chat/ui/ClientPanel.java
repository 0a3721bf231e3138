package com.omnichat.chat.ui;

import com.omnichat.base.NotFoundException;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.customer.ui.ClientCard;
import com.omnichat.customer.ui.ClientCards;
import com.vaadin.flow.component.html.Div;

/**
 * The right column: the lead/buyer card of the open chat's client. When the chat changes
 * hands (its lead linked to a buyer) the card follows the chat's client.
 */
class ClientPanel extends Div {

    private final ClientCards cards;
    private final Runnable onCardChange;
    ClientCard card;

    ClientPanel(ClientCards cards, Runnable onCardChange) {
        this.cards = cards;
        this.onCardChange = onCardChange;
        addClassName("client-panel");
    }

    void show(ConversationSummary chat) {
        clear();
        try {
            card = cards.create(chat.clientId(), chat.id(), chat.channel().id());
        } catch (NotFoundException e) {
            // The chat is visible, so its client is too; a race with a merge just shows nothing.
            return;
        }
        card.addChangeListener(c -> onCardChange.run());
        add(card);
    }

    /** A live change in the chat: show the chat's (perhaps new) client as he is now. */
    void refresh(ConversationSummary chat) {
        if (card == null || card.clientId() != chat.clientId()) {
            show(chat);
        } else {
            card.reload();
        }
    }

    void clear() {
        removeAll();
        card = null;
    }
}
