package com.omnichat.quickreply.ui;

import com.omnichat.base.ui.ViewHeader;
import com.omnichat.quickreply.QuickReply;
import com.omnichat.quickreply.QuickReplyService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;

/** A grid of templates with search and the editor; the shared and the personal view differ in what they list. */
abstract class TemplatesGridView extends VerticalLayout implements HasDynamicTitle {

    protected final QuickReplyService service;
    private final String titleKey;
    private final boolean shared;
    final TextField search = new TextField();
    final Grid<QuickReply> grid = new Grid<>();
    final Button create = new Button(getTranslation("quickreply.create"), VaadinIcon.PLUS.create());

    TemplatesGridView(QuickReplyService service, String titleKey, boolean shared) {
        this.service = service;
        this.titleKey = titleKey;
        this.shared = shared;
        setSizeFull();
        search.setPlaceholder(getTranslation("quickreply.search"));
        search.setAriaLabel(getTranslation("quickreply.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        configureGrid();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> new QuickReplyDialog(service, null, shared, this::refresh).open());
        add(new ViewHeader(getTranslation(titleKey), search, create), grid);
        refresh();
    }

    abstract List<QuickReply> load(String query);

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(QuickReply::title)
                .setHeader(getTranslation("quickreply.title"))
                .setFlexGrow(1);
        grid.addColumn(q -> q.shortcut() == null ? "" : "/" + q.shortcut())
                .setHeader(getTranslation("quickreply.shortcut"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(QuickReply::body)
                .setHeader(getTranslation("quickreply.body"))
                .setFlexGrow(3);
        grid.addColumn(QuickReply::usageCount)
                .setHeader(getTranslation("quickreply.uses"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(LitRenderer.<QuickReply>of("<span theme='badge ${item.theme}'>${item.status}</span>")
                        .withProperty("theme", q -> q.active() ? "success" : "contrast")
                        .withProperty(
                                "status",
                                q -> getTranslation(q.active() ? "quickreply.active" : "quickreply.inactive")))
                .setHeader(getTranslation("users.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addItemClickListener(e -> new QuickReplyDialog(service, e.getItem(), shared, this::refresh).open());
    }

    void refresh() {
        grid.setItems(load(search.getValue()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
