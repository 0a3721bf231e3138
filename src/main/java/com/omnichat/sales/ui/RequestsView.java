package com.omnichat.sales.ui;

import com.omnichat.base.ui.EmptyState;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Placeholder until the lead/buyer card issue fills this section. */
@Route("requests")
@Menu(order = 30, title = "nav.requests", icon = "vaadin:handshake")
@PermitAll
class RequestsView extends VerticalLayout implements HasDynamicTitle {

    RequestsView() {
        setSizeFull();
        add(new EmptyState(VaadinIcon.TIME_FORWARD, getTranslation("nav.requests"), getTranslation("requests.placeholder")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.requests");
    }
}
