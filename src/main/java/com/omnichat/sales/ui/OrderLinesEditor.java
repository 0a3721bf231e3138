package com.omnichat.sales.ui;

import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Forms;
import com.omnichat.sales.Money;
import com.omnichat.sales.OrderLine;
import com.omnichat.sales.OrderLineDraft;
import com.omnichat.sales.ProductService;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The order's lines: a product from the catalogue or free text, quantity, unit price and the
 * line total, with a running total. The figures here are a preview; the server recomputes.
 */
class OrderLinesEditor extends Composite<Div> {

    private final ProductService products;
    private final SalesFormat format;
    private final Div rowsBox = new Div();
    final List<LineRow> rows = new ArrayList<>();
    final Button addLine = new Button(getTranslation("order.add-line"), VaadinIcon.PLUS.create());
    final Span total = new Span();

    OrderLinesEditor(ProductService products, SalesFormat format, List<OrderLine> lines) {
        this.products = products;
        this.format = format;
        Div root = getContent();
        root.addClassName("order-lines");
        rowsBox.addClassName("order-lines-rows");
        var head = new Div(
                label("order.line.article"),
                label("order.line.quantity"),
                label("order.line.price"),
                label("order.line.total"),
                new Span());
        head.addClassNames("order-line", "order-lines-head");
        rowsBox.add(head);
        addLine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addLine.addClickListener(e -> addRow(null).article.focus());
        total.addClassName("order-total");
        var footer = new Div(addLine, total);
        footer.addClassName("order-lines-footer");
        root.add(rowsBox, footer);
        if (lines.isEmpty()) {
            addRow(null);
        } else {
            lines.forEach(this::addRow);
        }
        recompute();
    }

    private Span label(String key) {
        return new Span(getTranslation(key));
    }

    LineRow addRow(@Nullable OrderLine line) {
        var row = new LineRow(line);
        rows.add(row);
        rowsBox.add(row);
        recompute();
        return row;
    }

    /** The lines to submit: rows left completely empty are ignored. */
    List<OrderLineDraft> drafts() {
        return rows.stream().filter(r -> !r.isBlank()).map(LineRow::draft).toList();
    }

    /**
     * A refusal that names a line ("Line 2: ...", its number first) on that row's field; an
     * order without lines on the first row. False when the refusal concerns no line.
     */
    boolean showOnLine(UserFacingException e) {
        String key = e.messageKey();
        if (key.equals("order.error.empty")) {
            Forms.showOn(rows.getFirst().article, e);
            return true;
        }
        boolean aboutLine = key.startsWith("order.error.quantity")
                || key.startsWith("order.error.price")
                || key.startsWith("order.error.line-")
                || key.equals("order.error.product-missing");
        Object[] args = e.args();
        if (!aboutLine || args.length == 0 || !(args[0] instanceof Integer n)) {
            return false;
        }
        List<LineRow> submitted = rows.stream().filter(r -> !r.isBlank()).toList();
        if (n < 1 || n > submitted.size()) {
            return false;
        }
        LineRow row = submitted.get(n - 1);
        Forms.showOn(
                key.startsWith("order.error.quantity")
                        ? row.quantity
                        : key.startsWith("order.error.price") ? row.price : row.article,
                e);
        return true;
    }

    /** The total as the form shows it: a preview of what the server computes. */
    BigDecimal previewTotal() {
        return Money.sum(
                rows.stream().map(LineRow::lineTotal).filter(Objects::nonNull).toList());
    }

    private void recompute() {
        rows.forEach(LineRow::showTotal);
        total.setText(getTranslation("order.total", format.money(previewTotal())));
    }

    /** One line: article, quantity, price, total, remove. */
    class LineRow extends Div {

        final ComboBox<Article> article = new ComboBox<>();
        final BigDecimalField quantity = new BigDecimalField();
        final BigDecimalField price = new BigDecimalField();
        final Span lineTotal = new Span();
        final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());

        LineRow(@Nullable OrderLine line) {
            addClassName("order-line");
            article.setPlaceholder(getTranslation("order.line.article.placeholder"));
            article.setAriaLabel(getTranslation("order.line.article"));
            article.setItems(q -> products.offered(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream()
                    .map(Article::of));
            article.setItemLabelGenerator(Article::label);
            article.setAllowCustomValue(true);
            article.addCustomValueSetListener(e -> {
                if (!e.getDetail().isBlank()) {
                    article.setValue(Article.text(e.getDetail()));
                }
            });
            article.addValueChangeListener(e -> picked(e.getValue(), e.isFromClient()));
            quantity.setAriaLabel(getTranslation("order.line.quantity"));
            price.setAriaLabel(getTranslation("order.line.price"));
            quantity.setValueChangeMode(ValueChangeMode.EAGER);
            price.setValueChangeMode(ValueChangeMode.EAGER);
            quantity.addValueChangeListener(e -> recompute());
            price.addValueChangeListener(e -> recompute());
            quantity.addThemeVariants(TextFieldVariant.ALIGN_END);
            price.addThemeVariants(TextFieldVariant.ALIGN_END);
            quantity.addClassName("order-line-quantity");
            price.addClassName("order-line-price");
            lineTotal.addClassName("order-line-total");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("order.remove-line"));
            remove.setTooltipText(getTranslation("order.remove-line"));
            remove.addClickListener(e -> removeRow());
            if (line != null) {
                article.setValue(new Article(line.productId(), line.description(), line.sku(), null));
                quantity.setValue(line.quantity());
                price.setValue(line.unitPrice());
            }
            add(article, quantity, price, lineTotal, remove);
        }

        /** Something picked means one of it; a product also brings its price unless the manager typed his own. */
        private void picked(@Nullable Article value, boolean fromClient) {
            if (value == null) {
                return;
            }
            if (quantity.isEmpty()) {
                quantity.setValue(BigDecimal.ONE);
            }
            if (value.price() != null && (price.isEmpty() || fromClient)) {
                price.setValue(value.price());
            }
        }

        private void removeRow() {
            rows.remove(this);
            rowsBox.remove(this);
            if (rows.isEmpty()) {
                addRow(null);
            }
            recompute();
        }

        boolean isBlank() {
            return article.isEmpty() && quantity.isEmpty() && price.isEmpty();
        }

        OrderLineDraft draft() {
            Article a = article.getValue();
            return new OrderLineDraft(
                    a == null ? null : a.productId(),
                    a == null ? null : a.name(),
                    quantity.getValue(),
                    price.getValue());
        }

        @Nullable
        BigDecimal lineTotal() {
            BigDecimal q = quantity.getValue();
            BigDecimal p = price.getValue();
            return q == null || p == null ? null : Money.lineTotal(q, p);
        }

        void showTotal() {
            BigDecimal value = lineTotal();
            lineTotal.setText(value == null ? "" : format.money(value));
        }
    }
}
