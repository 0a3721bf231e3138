package com.omnichat.chat.ui;

import com.omnichat.base.NotFoundException;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.customer.ui.ClientCard;
import com.omnichat.customer.ui.ClientCards;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The right column: the lead/buyer card of the open chat's client. When the chat changes
 * hands (its lead linked to a buyer) the card follows the chat's client.
 */
class ClientPanel extends Div {

    private final ClientCards cards;
    private final Runnable onCardChange;
    ClientCard card;
    /** Closes the card where it is an overlay (below desktop width); hidden where it is a column. */
    final Button close = new Button(VaadinIcon.CLOSE_SMALL.create());

    ClientPanel(ClientCards cards, Runnable onCardChange, Runnable onClose) {
        this.cards = cards;
        this.onCardChange = onCardChange;
        addClassName("client-panel");
        setId("client-panel");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        close.addClassName("close-card");
        close.setAriaLabel(getTranslation("chat.card.close"));
        close.setTooltipText(getTranslation("chat.card.close"));
        close.addClickListener(e -> onClose.run());
        getElement().addEventListener("keydown", e -> onClose.run()).setFilter("event.key === 'Escape'");
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
        add(close, card);
    }

    /** A live change in the chat: show the chat's (perhaps new) client as he is now. */
    void refresh(ConversationSummary chat) {
        if (card == null || card.clientId() != chat.clientId()) {
            show(chat);
        } else {
            card.reload();
        }
    }

    /** Focus goes into the card when it opens as an overlay. */
    void focusClose() {
        close.focus();
    }

    void clear() {
        removeAll();
        card = null;
    }
}
