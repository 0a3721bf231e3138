package com.omnichat.sales.ui;

import com.omnichat.sales.OrderFilter;
import com.omnichat.sales.OrderStatus;
import com.omnichat.sales.SalesOrder;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Orders section: the orders the user may see, newest first, filtered by status (active by
 * default), manager and a search by number or buyer; paged lazily. A row opens the form.
 */
@Route("orders")
@Menu(order = 40, title = "nav.orders", icon = "vaadin:cart")
@PermitAll
@StyleSheet(SalesStyles.SHEET)
class OrdersView extends SalesListView<SalesOrder, OrderStatus, OrderFilter> {

    /** The status filter. */
    final Select<Choice<OrderStatus>> status = choice;

    OrdersView(SalesForms forms) {
        super(forms, "order", "order.status", "sales.created", forms.orders::list, forms.orders::count);
    }

    @Override
    List<Choice<OrderStatus>> values() {
        return Arrays.stream(OrderStatus.values())
                .map(s -> new Choice<>(SalesFormat.statusName(s), false, s))
                .toList();
    }

    @Override
    void addColumns() {
        grid.addColumn(SalesOrder::clientName)
                .setHeader(getTranslation("order.buyer"))
                .setWidth("10rem")
                .setFlexGrow(2);
        addBadgeColumn(
                o -> SalesFormat.statusTheme(o.status()), o -> SalesFormat.statusName(o.status()), "order.status");
        addMoneyColumn(SalesOrder::total, "order.total.column");
        addBadgeColumn(
                o -> o.paid() ? "badge success small" : "badge contrast small",
                o -> getTranslation(o.paid() ? "order.paid.yes" : "order.paid.no"),
                "order.payment");
    }

    @Override
    Instant date(SalesOrder row) {
        return row.createdAt();
    }

    @Override
    OrderFilter filter(boolean activeOnly, @Nullable OrderStatus value, @Nullable Long responsibleId, String search) {
        return new OrderFilter(activeOnly, value, responsibleId, search);
    }

    @Override
    void open(SalesOrder row, Runnable onSaved) {
        forms.editOrder(row.id(), onSaved);
    }
}
