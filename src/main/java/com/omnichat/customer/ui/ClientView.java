package com.omnichat.customer.ui;

import com.omnichat.base.NotFoundException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;

/**
 * One client's page ({@code /clients/{id}}): the same card as beside a chat, with his
 * chats, requests and orders; a link to a lead who was linked since opens the buyer.
 */
@Route("clients/:clientId([0-9]{1,18})")
@PermitAll
class ClientView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientCards cards;
    final Button back = new Button(getTranslation("clients.back"), VaadinIcon.ARROW_LEFT.create());
    ClientCard card;

    ClientView(ClientCards cards) {
        this.cards = cards;
        addClassName("client-view");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ClientsView.class)));
        add(back);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("clientId").orElseThrow();
        try {
            if (card != null) {
                remove(card);
            }
            card = cards.create(id, null, null);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        if (card.clientId() != id) {
            event.forwardTo(ClientView.class, new RouteParameters("clientId", Long.toString(card.clientId())));
            return;
        }
        card.addClassName("client-card-page");
        add(card);
    }

    @Override
    public String getPageTitle() {
        return card == null ? getTranslation("nav.clients") : card.client().name();
    }
}
