package com.omnichat.sales.ui;

import com.omnichat.sales.RequestFilter;
import com.omnichat.sales.RequestStage;
import com.omnichat.sales.SalesRequest;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Requests section: the requests the user may see, newest first, filtered by stage (active
 * by default), manager and a search; paged lazily by the database. A row opens the form.
 */
@Route("requests")
@Menu(order = 30, title = "nav.requests", icon = "vaadin:handshake")
@PermitAll
@StyleSheet(SalesStyles.SHEET)
class RequestsView extends SalesListView<SalesRequest, RequestStage, RequestFilter> {

    /** The stage filter. */
    final Select<Choice<RequestStage>> stage = choice;

    RequestsView(SalesForms forms) {
        super(forms, "request", "request.stage", "sales.updated", forms.requests::list, forms.requests::count);
    }

    @Override
    List<Choice<RequestStage>> values() {
        return forms.requests.stages().stream()
                .map(s -> new Choice<>(SalesFormat.stageName(s), false, s))
                .toList();
    }

    @Override
    void addColumns() {
        // Title and client in one cell: the grid stays readable on a tablet.
        grid.addColumn(LitRenderer.<SalesRequest>of("""
                        <div class="sales-cell"><span class="sales-cell-main">${item.title}</span>
                        <span class="sales-cell-sub">${item.client}</span></div>""")
                        .withProperty("title", SalesRequest::title)
                        .withProperty("client", SalesRequest::clientName))
                .setHeader(getTranslation("request.column"))
                .setWidth("12rem")
                .setFlexGrow(3);
        addBadgeColumn(r -> SalesFormat.stageTheme(r.stage()), r -> SalesFormat.stageName(r.stage()), "request.stage");
        addMoneyColumn(SalesRequest::amount, "request.amount");
    }

    @Override
    Instant date(SalesRequest row) {
        return row.updatedAt();
    }

    @Override
    RequestFilter filter(
            boolean activeOnly, @Nullable RequestStage value, @Nullable Long responsibleId, String search) {
        return new RequestFilter(activeOnly, value == null ? null : value.id(), responsibleId, search);
    }

    @Override
    void open(SalesRequest row, Runnable onSaved) {
        forms.editRequest(row.id(), onSaved);
    }
}
