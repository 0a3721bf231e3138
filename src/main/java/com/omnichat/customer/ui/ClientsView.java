package com.omnichat.customer.ui;

import com.omnichat.base.ui.EmptyState;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Placeholder until the lead/buyer card issue fills this section. */
@Route("clients")
@Menu(order = 20, title = "nav.clients", icon = "vaadin:users")
@PermitAll
class ClientsView extends VerticalLayout implements HasDynamicTitle {

    ClientsView() {
        setSizeFull();
        add(new EmptyState(VaadinIcon.TIME_FORWARD, getTranslation("nav.clients"), getTranslation("clients.placeholder")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.clients");
    }
}
