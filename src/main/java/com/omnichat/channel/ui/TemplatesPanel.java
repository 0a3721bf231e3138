package com.omnichat.channel.ui;

import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Notifications;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.MessageTemplate;
import com.omnichat.channel.TemplateService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The channel's approved templates as last synced, when, the last sync error, and "Sync now". */
class TemplatesPanel extends VerticalLayout {

    final Grid<MessageTemplate> grid = new Grid<>();
    final Span lastSync = new Span();
    final Span error = new Span();
    final Button sync = new Button();

    TemplatesPanel(TemplateService templates, ChannelDetails channel) {
        setPadding(false);
        addClassName("channel-templates");
        sync.setText(getTranslation("templates.sync"));
        sync.setIcon(VaadinIcon.REFRESH.create());
        sync.setEnabled(channel.mode() != null);
        sync.addClickListener(e -> {
            try {
                templates.syncNow(channel.id());
            } catch (UserFacingException ex) {
                Notifications.error(ex);
            }
            show(templates, channel);
        });
        grid.addColumn(MessageTemplate::name)
                .setHeader(getTranslation("templates.name"))
                .setAutoWidth(true);
        grid.addColumn(MessageTemplate::language)
                .setHeader(getTranslation("templates.language"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.category() == null ? "" : t.category())
                .setHeader(getTranslation("templates.category"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.render(java.util.Map.of(), java.util.Map.of()))
                .setHeader(getTranslation("templates.text"))
                .setFlexGrow(1);
        grid.setAllRowsVisible(true);
        error.addClassName("channel-templates-error");
        add(new HorizontalLayout(sync, lastSync), error, grid);
        show(templates, channel);
    }

    private void show(TemplateService templates, ChannelDetails channel) {
        TemplateService.SyncState state = templates.state(channel.id());
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        lastSync.setText(
                state.syncedAt() == null
                        ? getTranslation("templates.never-synced")
                        : getTranslation("templates.last-sync", format.format(state.syncedAt()), state.templates()));
        error.setVisible(state.error() != null);
        error.setText(
                state.error() == null
                        ? ""
                        : getTranslation("templates.sync-failed", format.format(state.errorAt()), state.error()));
        grid.setItems(templates.templates(channel.id(), null, null));
    }
}
