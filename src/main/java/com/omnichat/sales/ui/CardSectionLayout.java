package com.omnichat.sales.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The frame of a sales section on the client card: a title with an add button, then rows. */
@StyleSheet(SalesStyles.SHEET)
class CardSectionLayout extends Div {

    final Button add;
    final Div rows = new Div();

    CardSectionLayout(String title, String addLabel) {
        addClassName("card-section");
        add = new Button(addLabel, VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var heading = new H4(title);
        var head = new Div(heading, add);
        head.addClassName("card-section-head");
        rows.addClassName("card-section-rows");
        add(head, rows);
    }

    /** A clickable row: number, text, badge and amount. */
    Div row(String number, String text, String badge, String badgeTheme, String amount, Runnable open) {
        var numberLink = new Span(number);
        numberLink.addClassName("card-row-number");
        var label = new Span(text);
        label.addClassName("card-row-text");
        var state = new Span(badge);
        state.getElement().getThemeList().add(badgeTheme + " small");
        var sum = new Span(amount);
        sum.addClassName("card-row-amount");
        var line1 = new Div(numberLink, label);
        line1.addClassName("card-row-line");
        var line2 = new Div(state, sum);
        line2.addClassName("card-row-line");
        var row = new Div(line1, line2);
        row.addClassName("card-row");
        row.getElement().setAttribute("role", "button");
        row.getElement().setAttribute("tabindex", "0");
        row.addClickListener(e -> open.run());
        row.getElement().addEventListener("keydown", e -> open.run()).setFilter("event.key === 'Enter'");
        rows.add(row);
        return row;
    }

    void empty(String text) {
        var span = new Span(text);
        span.addClassName("card-section-empty");
        rows.add(span);
    }

    static Component note(String text) {
        var span = new Span(text);
        span.addClassName("card-section-note");
        return span;
    }
}
