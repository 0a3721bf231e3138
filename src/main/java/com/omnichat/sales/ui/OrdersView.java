package com.omnichat.sales.ui;

import com.omnichat.base.ui.ViewHeader;
import com.omnichat.sales.OrderFilter;
import com.omnichat.sales.OrderService;
import com.omnichat.sales.OrderStatus;
import com.omnichat.sales.SalesOrder;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
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
class OrdersView extends VerticalLayout implements HasDynamicTitle {

    /** The status filter's choices: active orders, all orders, or one status. */
    record StatusChoice(
            String label, boolean activeOnly, @Nullable OrderStatus status) {}

    private final SalesForms forms;
    private final OrderService orders;
    private final SalesFormat format = SalesFormat.current();
    final Select<StatusChoice> status = new Select<>();
    final StaffFilter manager;
    final TextField search = new SalesSearch("order.search");
    final Grid<SalesOrder> grid = new Grid<>();

    OrdersView(SalesForms forms) {
        this.forms = forms;
        this.orders = forms.orders;
        addClassName("sales-view");
        setSizeFull();
        manager = new StaffFilter(forms.responsibleChoices(null));
        configureFilters();
        configureGrid();
        add(new ViewHeader(getTranslation("nav.orders"), status, manager, search), grid);
        refresh();
    }

    private void configureFilters() {
        List<StatusChoice> choices = new ArrayList<>();
        choices.add(new StatusChoice(getTranslation("order.filter.active"), true, null));
        choices.add(new StatusChoice(getTranslation("order.filter.all"), false, null));
        for (OrderStatus s : OrderStatus.values()) {
            choices.add(new StatusChoice(SalesFormat.statusName(s), false, s));
        }
        status.setItems(choices);
        status.setItemLabelGenerator(StatusChoice::label);
        status.setValue(choices.getFirst());
        status.setAriaLabel(getTranslation("order.status"));
        status.addClassName("sales-filter");
        status.addValueChangeListener(e -> refresh());
        manager.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addClassName("sales-grid");
        grid.addColumn(o -> SalesFormat.number(o.number()))
                .setHeader("#")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(SalesOrder::clientName)
                .setHeader(getTranslation("order.buyer"))
                .setWidth("10rem")
                .setFlexGrow(2);
        grid.addColumn(LitRenderer.<SalesOrder>of("<span theme='${item.theme}'>${item.status}</span>")
                        .withProperty("theme", o -> SalesFormat.statusTheme(o.status()))
                        .withProperty("status", o -> SalesFormat.statusName(o.status())))
                .setHeader(getTranslation("order.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(o -> format.money(o.total()))
                .setHeader(getTranslation("order.total.column"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(LitRenderer.<SalesOrder>of("<span theme='${item.theme}'>${item.paid}</span>")
                        .withProperty("theme", o -> o.paid() ? "badge success small" : "badge contrast small")
                        .withProperty("paid", o -> getTranslation(o.paid() ? "order.paid.yes" : "order.paid.no")))
                .setHeader(getTranslation("order.payment"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(o -> o.responsibleName() == null ? "" : o.responsibleName())
                .setHeader(getTranslation("sales.responsible"))
                .setWidth("8rem")
                .setFlexGrow(1);
        grid.addColumn(o -> format.compact(o.createdAt()))
                .setHeader(getTranslation("sales.created"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("order.empty"));
        grid.addItemClickListener(e -> forms.editOrder(e.getItem().id(), this::reload));
    }

    OrderFilter filter() {
        StatusChoice choice = status.getValue();
        return new OrderFilter(
                choice != null && choice.activeOnly(),
                choice == null ? null : choice.status(),
                manager.selectedId(),
                search.getValue());
    }

    void refresh() {
        OrderFilter filter = filter();
        grid.setItems(q -> orders.list(filter, q.getOffset(), q.getLimit()).stream(), q -> orders.count(filter));
    }

    private void reload() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.orders");
    }
}
