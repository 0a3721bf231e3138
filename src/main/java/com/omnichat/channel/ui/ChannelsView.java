package com.omnichat.channel.ui;

import com.omnichat.base.Permission;
import com.omnichat.base.RequiresPermission;
import com.omnichat.base.ui.ViewHeader;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelService;
import com.omnichat.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * Administration → Channels: every channel with its type, connection mode, state and last
 * error; a click opens it (connection, status and webhook, failed events, access).
 */
@Route("admin/channels")
@Menu(order = 105, title = "nav.channels", icon = "vaadin:connect")
@PermitAll
@RequiresPermission(Permission.MANAGE_CHANNELS)
class ChannelsView extends VerticalLayout implements HasDynamicTitle {

    private final ChannelAdministration administration;
    private final ChannelService channels;
    private final UserService users;
    final Grid<ChannelDetails> grid = new Grid<>();
    final Button create = new Button(getTranslation("channels.create"), VaadinIcon.PLUS.create());

    private final com.omnichat.channel.TemplateService templates;

    ChannelsView(
            ChannelAdministration administration,
            ChannelService channels,
            UserService users,
            com.omnichat.channel.TemplateService templates) {
        this.templates = templates;
        this.administration = administration;
        this.channels = channels;
        this.users = users;
        setSizeFull();
        addClassName("channels-view");
        configureGrid();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> open(null));
        add(new ViewHeader(getTranslation("nav.channels"), create), grid);
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(LitRenderer.<ChannelDetails>of("""
                        <vaadin-horizontal-layout style="align-items:center;gap:var(--lumo-space-s)">
                          <vaadin-icon icon="${item.icon}" style="color:var(--lumo-primary-color)"></vaadin-icon>
                          <span>${item.name}</span>
                        </vaadin-horizontal-layout>""")
                        .withProperty("icon", c -> c.type().icon())
                        .withProperty("name", ChannelDetails::name))
                .setHeader(getTranslation("channels.name"))
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(c -> getTranslation("channel-type." + c.type().name()))
                .setHeader(getTranslation("channels.type"))
                .setAutoWidth(true);
        grid.addColumn(c -> getTranslation(
                        "channels.mode." + (c.mode() == null ? "NONE" : c.mode().name())))
                .setHeader(getTranslation("channels.mode"))
                .setAutoWidth(true);
        grid.addColumn(LitRenderer.<ChannelDetails>of("<span theme='badge ${item.theme}'>${item.status}</span>")
                        .withProperty(
                                "theme",
                                c -> !c.enabled() ? "contrast" : c.runtime().lastError() != null ? "error" : "success")
                        .withProperty("status", this::status))
                .setHeader(getTranslation("channels.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> c.runtime().lastError() == null ? "" : c.runtime().lastError())
                .setHeader(getTranslation("channels.last-error"))
                .setFlexGrow(1);
        grid.addItemClickListener(e -> open(e.getItem()));
    }

    private String status(ChannelDetails channel) {
        if (!channel.enabled()) {
            return getTranslation("channels.disabled");
        }
        if (channel.runtime().lastError() != null) {
            return getTranslation("channels.error");
        }
        return getTranslation(channel.mode() == null ? "channels.not-connected" : "channels.working");
    }

    private void open(ChannelDetails channel) {
        new ChannelDialog(administration, channels, users, channel, this::refresh, templates).open();
    }

    void refresh() {
        grid.setItems(administration.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.channels");
    }
}
