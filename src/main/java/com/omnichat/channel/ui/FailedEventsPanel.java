package com.omnichat.channel.ui;

import com.omnichat.base.ui.Notifications;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Inbound events kept as failed (unparseable, or given up on), with the error, the raw body and a Retry. */
class FailedEventsPanel extends VerticalLayout {

    final Grid<ChannelDetails.FailedEvent> grid = new Grid<>();
    private final ChannelAdministration administration;
    private final ChannelDetails channel;

    FailedEventsPanel(ChannelAdministration administration, ChannelDetails channel) {
        this.administration = administration;
        this.channel = channel;
        setPadding(false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("320px");
        grid.addColumn(e -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                        .withLocale(getLocale())
                        .withZone(ZoneId.systemDefault())
                        .format(e.receivedAt()))
                .setHeader(getTranslation("channels.event.received"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ChannelDetails.FailedEvent::error)
                .setHeader(getTranslation("channels.event.error"))
                .setFlexGrow(2);
        grid.addColumn(e -> e.body().length() <= 300 ? e.body() : e.body().substring(0, 300) + "…")
                .setHeader(getTranslation("channels.event.body"))
                .setFlexGrow(3);
        grid.addComponentColumn(e -> {
                    var retry = new Button(getTranslation("channels.event.retry"), click -> {
                        administration.retryEvent(channel.id(), e.id());
                        Notifications.success("channels.event.retried");
                        refresh();
                    });
                    retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    return retry;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("channels.event.none"));
        add(grid);
        refresh();
    }

    void refresh() {
        grid.setItems(administration.failedEvents(channel.id(), 100));
    }
}
