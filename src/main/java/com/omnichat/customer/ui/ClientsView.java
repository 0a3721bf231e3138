package com.omnichat.customer.ui;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.Permission;
import com.omnichat.base.ui.ViewHeader;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.customer.ClientListFilter;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import com.omnichat.customer.DuplicateFlags;
import com.omnichat.customer.Phones;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Clients section: buyers (and, on request, leads) the user may see, searched by name,
 * phone, e-mail or nickname, loaded page by page in a stable order; a row opens the
 * client's card ({@code /clients/{id}}). The search and the toggle live in the address.
 * Administrators also find the possible duplicate buyers here ({@link DuplicateFlagsPanel}).
 */
@Route("clients")
@Menu(order = 20, title = "nav.clients", icon = "vaadin:users")
@PermitAll
@StyleSheet("context://styles/client-card.css")
class ClientsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ClientService clients;
    private final Map<Long, ChannelInfo> channels;
    final TextField search = new TextField();
    final Checkbox includeLeads = new Checkbox(getTranslation("clients.include-leads"));
    final Grid<ClientSummary> grid = new Grid<>();
    /** Administrators only: possible duplicate buyers to look at. */
    @Nullable
    DuplicateFlagsPanel duplicates;

    private boolean applying;

    ClientsView(ClientService clients, ChannelService channelService, DuplicateFlags duplicateFlags) {
        this.clients = clients;
        this.channels =
                channelService.myChannels().stream().collect(Collectors.toMap(ChannelInfo::id, Function.identity()));
        setSizeFull();
        addClassName("clients-view");
        search.setPlaceholder(getTranslation("clients.search"));
        search.setAriaLabel(getTranslation("clients.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("clients-search");
        search.addValueChangeListener(e -> filterChanged());
        includeLeads.addValueChangeListener(e -> filterChanged());
        configureGrid();
        add(new ViewHeader(getTranslation("nav.clients"), search, includeLeads));
        if (CurrentStaff.get().map(u -> u.can(Permission.SEE_ALL_CLIENTS)).orElse(false)) {
            duplicates = new DuplicateFlagsPanel(duplicateFlags);
            duplicates.setWidthFull();
            add(duplicates);
        }
        add(grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.addClassName("clients-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(ClientsGrid.clientRenderer())
                .setHeader(getTranslation("clients.column.client"))
                .setFlexGrow(2);
        // Phones are all about as long: no share of the spare width.
        grid.addColumn(c -> Phones.display(c.phone()))
                .setHeader(getTranslation("client.phone"))
                .setWidth("11em")
                .setFlexGrow(0);
        grid.addColumn(c -> Objects.requireNonNullElse(c.email(), ""))
                .setHeader(getTranslation("client.email"))
                .setFlexGrow(2);
        grid.addColumn(LitRenderer.<ClientSummary>of("""
                        <span class="client-row-channels">${item.channels.map(c =>
                          html`<vaadin-icon icon="${c[0]}" title="${c[1]}" aria-label="${c[1]}"></vaadin-icon>`)}</span>""").withProperty("channels", this::channelsOf))
                .setHeader(getTranslation("client.channels"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(LitRenderer.<ClientSummary>of("<span theme='badge ${item.theme}'>${item.status}</span>")
                        .withProperty("theme", c -> c.buyer() ? "success" : "")
                        .withProperty("status", c -> getTranslation(c.buyer() ? "client.buyer" : "client.lead")))
                .setHeader(getTranslation("clients.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(query -> clients.list(filter(), query.getOffset(), query.getLimit()).stream());
        grid.setEmptyStateText(getTranslation("clients.empty"));
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        ClientView.class,
                        new RouteParameters(
                                "clientId", Long.toString(e.getItem().id()))));
    }

    /** [icon, channel name] pairs: plain arrays, which the renderer's JSON carries as they are. */
    private List<List<String>> channelsOf(ClientSummary client) {
        return client.channelIds().stream()
                .map(channels::get)
                .filter(Objects::nonNull)
                .distinct()
                .sorted(java.util.Comparator.comparing(ChannelInfo::name))
                .map(c -> List.of(c.type().icon(), c.name()))
                .toList();
    }

    ClientListFilter filter() {
        return new ClientListFilter(search.getValue(), includeLeads.getValue());
    }

    private void filterChanged() {
        if (applying) {
            return;
        }
        grid.getDataProvider().refreshAll();
        var params = new java.util.HashMap<String, List<String>>();
        if (!search.getValue().isBlank()) {
            params.put("q", List.of(search.getValue()));
        }
        if (includeLeads.getValue()) {
            params.put("leads", List.of("1"));
        }
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location("clients", new QueryParameters(params)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        applying = true;
        try {
            search.setValue(params.getOrDefault("q", List.of("")).getFirst());
            includeLeads.setValue(
                    "1".equals(params.getOrDefault("leads", List.of("")).getFirst()));
        } finally {
            applying = false;
        }
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.clients");
    }
}
