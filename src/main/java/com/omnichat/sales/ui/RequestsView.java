package com.omnichat.sales.ui;

import com.omnichat.base.ui.ViewHeader;
import com.omnichat.sales.RequestFilter;
import com.omnichat.sales.RequestService;
import com.omnichat.sales.RequestStage;
import com.omnichat.sales.SalesRequest;
import com.vaadin.flow.component.dependency.StyleSheet;
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
 * Requests section: the requests the user may see, newest first, filtered by stage (active
 * by default), manager and a search; paged lazily by the database. A row opens the form.
 */
@Route("requests")
@Menu(order = 30, title = "nav.requests", icon = "vaadin:handshake")
@PermitAll
@StyleSheet(SalesStyles.SHEET)
class RequestsView extends VerticalLayout implements HasDynamicTitle {

    /** The stage filter's choices: all active stages, every stage, or one stage. */
    record StageChoice(
            String label, boolean activeOnly, @Nullable RequestStage stage) {}

    private final SalesForms forms;
    private final RequestService requests;
    private final SalesFormat format = SalesFormat.current();
    final Select<StageChoice> stage = new Select<>();
    final StaffFilter manager;
    final TextField search = new SalesSearch("request.search");
    final Grid<SalesRequest> grid = new Grid<>();

    RequestsView(SalesForms forms) {
        this.forms = forms;
        this.requests = forms.requests;
        addClassName("sales-view");
        setSizeFull();
        manager = new StaffFilter(forms.responsibleChoices(null));
        configureFilters();
        configureGrid();
        add(new ViewHeader(getTranslation("nav.requests"), stage, manager, search), grid);
        refresh();
    }

    private void configureFilters() {
        List<StageChoice> choices = new ArrayList<>();
        choices.add(new StageChoice(getTranslation("request.filter.active"), true, null));
        choices.add(new StageChoice(getTranslation("request.filter.all"), false, null));
        requests.stages().forEach(s -> choices.add(new StageChoice(SalesFormat.stageName(s), false, s)));
        stage.setItems(choices);
        stage.setItemLabelGenerator(StageChoice::label);
        stage.setValue(choices.getFirst());
        stage.setAriaLabel(getTranslation("request.stage"));
        stage.addClassName("sales-filter");
        stage.addValueChangeListener(e -> refresh());
        manager.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addClassName("sales-grid");
        grid.addColumn(r -> SalesFormat.number(r.number()))
                .setHeader("#")
                .setAutoWidth(true)
                .setFlexGrow(0);
        // Title and client in one cell: the grid stays readable on a tablet.
        grid.addColumn(LitRenderer.<SalesRequest>of("""
                        <div class="sales-cell"><span class="sales-cell-main">${item.title}</span>
                        <span class="sales-cell-sub">${item.client}</span></div>""")
                        .withProperty("title", SalesRequest::title)
                        .withProperty("client", SalesRequest::clientName))
                .setHeader(getTranslation("request.column"))
                .setWidth("12rem")
                .setFlexGrow(3);
        grid.addColumn(LitRenderer.<SalesRequest>of("<span theme='${item.theme}'>${item.stage}</span>")
                        .withProperty("theme", r -> SalesFormat.stageTheme(r.stage()))
                        .withProperty("stage", r -> SalesFormat.stageName(r.stage())))
                .setHeader(getTranslation("request.stage"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> format.money(r.amount()))
                .setHeader(getTranslation("request.amount"))
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.responsibleName() == null ? "" : r.responsibleName())
                .setHeader(getTranslation("sales.responsible"))
                .setWidth("8rem")
                .setFlexGrow(1);
        grid.addColumn(r -> format.compact(r.updatedAt()))
                .setHeader(getTranslation("sales.updated"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("request.empty"));
        grid.addItemClickListener(e -> forms.editRequest(e.getItem().id(), this::reload));
    }

    RequestFilter filter() {
        StageChoice choice = stage.getValue();
        return new RequestFilter(
                choice != null && choice.activeOnly(),
                choice == null || choice.stage() == null ? null : choice.stage().id(),
                manager.selectedId(),
                search.getValue());
    }

    void refresh() {
        RequestFilter filter = filter();
        grid.setItems(q -> requests.list(filter, q.getOffset(), q.getLimit()).stream(), q -> requests.count(filter));
    }

    private void reload() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.requests");
    }
}
