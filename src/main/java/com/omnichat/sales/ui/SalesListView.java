package com.omnichat.sales.ui;

import com.omnichat.base.ui.ViewHeader;
import com.omnichat.sales.SalesRecord;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * What the Orders and Requests sections share: a filter by one value (active rows by default,
 * all, or one status or stage), by manager and a search, over a grid paged lazily by the
 * database, newest first; the number comes first, the manager and a date last; a row opens
 * its form. The hooks run from this constructor, so they use only what this class holds.
 *
 * @param <T> a row
 * @param <V> what the first filter chooses (a status, a stage)
 * @param <F> the service's filter
 */
abstract class SalesListView<T extends SalesRecord, V, F> extends VerticalLayout implements HasDynamicTitle {

    /** A page of rows the service lists for a filter. */
    interface Pages<T, F> {
        List<T> list(F filter, int offset, int limit);
    }

    /** A choice of the first filter: the active rows, all rows, or those with one value. */
    record Choice<V>(
            String label, boolean activeOnly, @Nullable V value) {}

    final SalesForms forms;
    final SalesFormat format = SalesFormat.current();
    final Select<Choice<V>> choice = new Select<>();
    final StaffFilter manager;
    final TextField search;
    final Grid<T> grid = new Grid<>();
    private final String titleKey;
    private final Pages<T, F> pages;
    private final ToIntFunction<F> count;

    /**
     * {@code prefix} names the section's keys ({@code nav.orders}, {@code order.search},
     * {@code order.filter.active}, {@code order.filter.all}, {@code order.empty});
     * {@code choiceKey} labels the first filter, {@code dateKey} heads the last column.
     */
    SalesListView(
            SalesForms forms,
            String prefix,
            String choiceKey,
            String dateKey,
            Pages<T, F> pages,
            ToIntFunction<F> count) {
        this.forms = forms;
        this.titleKey = "nav." + prefix + "s";
        this.pages = pages;
        this.count = count;
        this.search = new SalesSearch(prefix + ".search");
        addClassName("sales-view");
        setSizeFull();
        manager = new StaffFilter(forms.responsibleChoices(null));
        configureFilters(prefix, choiceKey);
        configureGrid(prefix, dateKey);
        add(new ViewHeader(getTranslation(titleKey), choice, manager, search), grid);
        refresh();
    }

    /** The values to filter by, after "active" and "all". */
    abstract List<Choice<V>> values();

    /** The columns between the number and the manager. */
    abstract void addColumns();

    /** The date of the last column. */
    abstract Instant date(T row);

    abstract F filter(boolean activeOnly, @Nullable V value, @Nullable Long responsibleId, String search);

    /** Opens the row's form; {@code onSaved} refreshes the grid. */
    abstract void open(T row, Runnable onSaved);

    private void configureFilters(String prefix, String choiceKey) {
        List<Choice<V>> choices = new ArrayList<>();
        choices.add(new Choice<>(getTranslation(prefix + ".filter.active"), true, null));
        choices.add(new Choice<>(getTranslation(prefix + ".filter.all"), false, null));
        choices.addAll(values());
        choice.setItems(choices);
        choice.setItemLabelGenerator(Choice::label);
        choice.setValue(choices.getFirst());
        choice.setAriaLabel(getTranslation(choiceKey));
        choice.addClassName("sales-filter");
        choice.addValueChangeListener(e -> refresh());
        manager.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
    }

    private void configureGrid(String prefix, String dateKey) {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addClassName("sales-grid");
        grid.addColumn(row -> SalesFormat.number(row.number()))
                .setHeader("#")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumns();
        grid.addColumn(row -> {
                    String name = row.responsibleName();
                    return name == null ? "" : name;
                })
                .setHeader(getTranslation("sales.responsible"))
                .setWidth("8rem")
                .setFlexGrow(1);
        grid.addColumn(row -> format.compact(date(row)))
                .setHeader(getTranslation(dateKey))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation(prefix + ".empty"));
        grid.addItemClickListener(e -> open(e.getItem(), this::reload));
    }

    /** A badge column: the text in a badge of the theme. */
    void addBadgeColumn(ValueProvider<T, String> theme, ValueProvider<T, String> text, String headerKey) {
        grid.addColumn(LitRenderer.<T>of("<span theme='${item.theme}'>${item.text}</span>")
                        .withProperty("theme", theme)
                        .withProperty("text", text))
                .setHeader(getTranslation(headerKey))
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    /** A sum, aligned to the right. */
    void addMoneyColumn(ValueProvider<T, @Nullable BigDecimal> sum, String headerKey) {
        grid.addColumn(row -> format.money(sum.apply(row)))
                .setHeader(getTranslation(headerKey))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    F filter() {
        Choice<V> chosen = choice.getValue();
        return filter(
                chosen != null && chosen.activeOnly(),
                chosen == null ? null : chosen.value(),
                manager.selectedId(),
                search.getValue());
    }

    void refresh() {
        F filter = filter();
        grid.setItems(q -> pages.list(filter, q.getOffset(), q.getLimit()).stream(), q -> count.applyAsInt(filter));
    }

    private void reload() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
