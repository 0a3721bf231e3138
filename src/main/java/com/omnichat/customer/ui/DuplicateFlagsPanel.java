package com.omnichat.customer.ui;

import com.omnichat.base.ui.Notifications;
import com.omnichat.customer.DuplicateFlag;
import com.omnichat.customer.DuplicateFlags;
import com.omnichat.customer.LinkReason;
import com.omnichat.customer.Phones;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * For administrators in the Clients section: the possible duplicate buyers "Save buyer" left
 * them ({@link DuplicateFlags}), each with links to both buyers and "Dismiss". Hidden while
 * there are none.
 */
class DuplicateFlagsPanel extends Details {

    static final int LIMIT = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    private final DuplicateFlags flags;
    final Div rows = new Div();

    DuplicateFlagsPanel(DuplicateFlags flags) {
        this.flags = flags;
        addClassName("duplicate-flags");
        var hint = new Paragraph(getTranslation("clients.duplicates.hint"));
        hint.addClassName("duplicate-flags-hint");
        rows.addClassName("duplicate-flags-rows");
        add(hint, rows);
        refresh();
    }

    void refresh() {
        int count = flags.openCount();
        setSummaryText(getTranslation("clients.duplicates.title", count));
        setVisible(count > 0);
        rows.removeAll();
        for (DuplicateFlag flag : flags.open(LIMIT)) {
            rows.add(row(flag));
        }
    }

    private Div row(DuplicateFlag flag) {
        String shared = flag.reason() == LinkReason.SAME_EMAIL
                ? getTranslation("clients.duplicates.same-email", flag.contact())
                : getTranslation("clients.duplicates.same-phone", Phones.display(flag.contact()));
        var reason = new Span(shared);
        reason.addClassName("duplicate-flag-reason");
        var when = new Span(WHEN.withLocale(getLocale()).format(flag.flaggedAt().atZone(ZoneId.systemDefault())));
        when.addClassName("duplicate-flag-when");
        var dismiss = new Button(getTranslation("clients.duplicates.dismiss"), e -> {
            flags.dismiss(flag.id());
            Notifications.success("clients.duplicates.dismissed");
            refresh();
        });
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        dismiss.addClassName("duplicate-flag-dismiss");
        var row = new Div(
                link(flag.clientId(), flag.clientName()),
                new Span("↔"),
                link(flag.otherClientId(), flag.otherClientName()),
                reason);
        if (flag.unverified()) {
            var unverified = new Span(getTranslation("clients.duplicates.unverified"));
            unverified.getElement().getThemeList().add("badge warning small");
            row.add(unverified);
        }
        row.add(when, dismiss);
        row.addClassName("duplicate-flag");
        return row;
    }

    private static RouterLink link(long clientId, String name) {
        var link = new RouterLink(name, ClientView.class, new RouteParameters("clientId", Long.toString(clientId)));
        link.addClassName("duplicate-flag-client");
        return link;
    }
}
