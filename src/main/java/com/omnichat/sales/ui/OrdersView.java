package com.omnichat.sales.ui;

import com.omnichat.base.ui.EmptyState;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Placeholder until the lead/buyer card issue fills this section. */
@Route("orders")
@Menu(order = 40, title = "nav.orders", icon = "vaadin:cart")
@PermitAll
class OrdersView extends VerticalLayout implements HasDynamicTitle {

    OrdersView() {
        setSizeFull();
        add(new EmptyState(VaadinIcon.TIME_FORWARD, getTranslation("nav.orders"), getTranslation("orders.placeholder")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.orders");
    }
}
