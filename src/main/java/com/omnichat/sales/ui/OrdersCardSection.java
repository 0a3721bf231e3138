package com.omnichat.sales.ui;

import com.omnichat.customer.ui.ClientCardContext;
import com.omnichat.customer.ui.ClientCardSection;
import com.omnichat.sales.PastOrders;
import com.omnichat.sales.SalesOrder;
import com.vaadin.flow.component.UI;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The buyer's orders on his card (a lead has none: save him as a buyer first): "Add order",
 * active orders (click the number to open one) and, when he bought before, how many orders
 * were delivered and for how much.
 */
@Component
class OrdersCardSection implements ClientCardSection {

    static final int ORDER = 300;

    private final SalesForms forms;

    OrdersCardSection(SalesForms forms) {
        this.forms = forms;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public boolean appliesTo(ClientCardContext context) {
        return context.client().buyer();
    }

    @Override
    public com.vaadin.flow.component.Component create(ClientCardContext context) {
        UI ui = Objects.requireNonNull(UI.getCurrent());
        var section = new CardSectionLayout(ui.getTranslation("card.orders"), ui.getTranslation("card.add-order"));
        section.addClassName("card-orders");
        section.add.addClickListener(
                e -> forms.newOrder(context.client(), context.conversationId(), context.refresh()));
        var format = SalesFormat.current();
        var active = forms.orders.activeOf(context.client().id());
        for (SalesOrder o : active) {
            section.row(
                    SalesFormat.number(o.number()),
                    format.compact(o.createdAt()),
                    SalesFormat.statusName(o.status()),
                    SalesFormat.statusTheme(o.status()),
                    format.money(o.total()),
                    () -> forms.editOrder(o.id(), context.refresh()));
        }
        if (active.isEmpty()) {
            section.empty(ui.getTranslation("card.no-active-orders"));
        }
        PastOrders past = forms.orders.pastOf(context.client().id());
        if (past.any()) {
            section.add(CardSectionLayout.note(
                    ui.getTranslation("card.past-orders", past.count(), format.money(past.sum()))));
        }
        return section;
    }
}
