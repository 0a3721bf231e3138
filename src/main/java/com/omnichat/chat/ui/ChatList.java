package com.omnichat.chat.ui;

import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.ChatFilter.Responsible;
import com.omnichat.chat.ChatFilter.StateTab;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.TabCounts;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The left column: state tabs with counts, search and filters, and the lazily loaded list
 * of chats (one LitRenderer template per row, no component per row).
 */
class ChatList extends VerticalLayout {

    private final InboxService inbox;
    private final KeysetPager pager;
    private final Consumer<ChatFilter> onFilterChange;
    private final Consumer<ConversationSummary> onSelect;

    final Tabs tabs = new Tabs();
    final Tab openTab = new Tab();
    final Tab closedTab = new Tab();
    final Tab allTab = new Tab();
    final TextField search = new TextField();
    final Checkbox unanswered = new Checkbox(getTranslation("chats.filter.unanswered"));
    final MultiSelectComboBox<ChannelInfo> channels = new MultiSelectComboBox<>();
    final Select<ResponsibleOption> responsible = new Select<>();
    final Grid<ConversationSummary> grid = new Grid<>();
    private Long selectedId;
    private ConversationSummary focusedRow;
    private TimeFormat time;
    private boolean applying;
    private boolean refreshPending;

    ChatList(
            InboxService inbox,
            ChannelService channelService,
            UserService users,
            ChatFilter initial,
            Consumer<ChatFilter> onFilterChange,
            Consumer<ConversationSummary> onSelect) {
        this.inbox = inbox;
        this.onFilterChange = onFilterChange;
        this.onSelect = onSelect;
        this.pager = new KeysetPager(inbox, initial);
        addClassName("chat-list");
        // Width comes from the stylesheet (fixed column), not VerticalLayout's inline 100%.
        setWidth(null);
        setPadding(false);
        setSpacing(false);
        configureTabs();
        configureFilters(channelService.myChannels(), users.activeStaff());
        configureGrid();
        var filters = new Div(search, channels, responsible, unanswered);
        filters.addClassName("chat-filters");
        add(tabs, filters, grid);
        setFlexGrow(1, grid);
        apply(initial);
    }

    private void configureTabs() {
        tabs.add(openTab, closedTab, allTab);
        tabs.setWidthFull();
        tabs.addThemeVariants(
                com.vaadin.flow.component.tabs.TabsVariant.LUMO_EQUAL_WIDTH_TABS,
                com.vaadin.flow.component.tabs.TabsVariant.LUMO_SMALL);
        tabs.addSelectedChangeListener(e -> filtersChanged());
    }

    private void configureFilters(List<ChannelInfo> myChannels, List<StaffMember> staff) {
        search.setPlaceholder(getTranslation("chats.filter.search"));
        search.setAriaLabel(getTranslation("chats.filter.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addThemeVariants(TextFieldVariant.LUMO_SMALL);
        search.setWidthFull();
        search.addValueChangeListener(e -> filtersChanged());

        channels.setItems(myChannels);
        channels.setItemLabelGenerator(ChannelInfo::name);
        channels.setPlaceholder(getTranslation("chats.filter.channels"));
        channels.setAriaLabel(getTranslation("a11y.chats.filter.channels"));
        channels.addValueChangeListener(e -> filtersChanged());

        List<ResponsibleOption> options = new java.util.ArrayList<>(List.of(
                new ResponsibleOption(Responsible.ALL, null, getTranslation("chats.filter.responsible.all")),
                new ResponsibleOption(Responsible.MINE, null, getTranslation("chats.filter.responsible.mine")),
                new ResponsibleOption(
                        Responsible.UNASSIGNED, null, getTranslation("chats.filter.responsible.unassigned"))));
        staff.forEach(m -> options.add(new ResponsibleOption(Responsible.USER, m.id(), m.fullName())));
        responsible.setItems(options);
        responsible.setItemLabelGenerator(ResponsibleOption::label);
        responsible.setAriaLabel(getTranslation("chats.filter.responsible"));
        responsible.addValueChangeListener(e -> filtersChanged());

        unanswered.addValueChangeListener(e -> filtersChanged());
    }

    private void configureGrid() {
        grid.addClassName("chat-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_NO_ROW_BORDERS);
        grid.addColumn(rowRenderer());
        grid.setItems(query -> pager.fetch(query.getOffset(), query.getLimit()));
        grid.getLazyDataView().setItemCountEstimate(50);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.addItemClickListener(e -> onSelect.accept(e.getItem()));
        // Keyboard: Enter on the focused row opens its chat, as a click does.
        grid.addCellFocusListener(e -> focusedRow = e.getItem().orElse(null));
        grid.getElement()
                .addEventListener("keydown", e -> {
                    if (focusedRow != null) {
                        onSelect.accept(focusedRow);
                    }
                })
                .setFilter("event.key === 'Enter'");
        grid.setPartNameGenerator(c -> Objects.equals(c.id(), selectedId) ? "selected-chat" : null);
    }

    private LitRenderer<ConversationSummary> rowRenderer() {
        return LitRenderer.<ConversationSummary>of("""
                        <div class="chat-row-section" ?hidden="${!item.section}">${item.section}</div>
                        <div class="chat-row">
                          <div class="chat-row-avatar">
                            <vaadin-avatar name="${item.name}" abbr="${item.initials}" img="${item.photo}"></vaadin-avatar>
                            <vaadin-icon class="chat-row-channel" icon="${item.channelIcon}"
                                title="${item.channelName}" aria-label="${item.channelName}"></vaadin-icon>
                          </div>
                          <div class="chat-row-main">
                            <div class="chat-row-line">
                              <span class="chat-row-name">${item.name}</span>
                              <span class="chat-row-time">${item.time}</span>
                            </div>
                            <div class="chat-row-line">
                              <span class="chat-row-preview" ?hidden="${item.snippet.length > 0}">${item.preview}</span>
                              <span class="chat-row-match" ?hidden="${item.snippet.length == 0}"
                                  >${item.snippet.map((text, i) => i % 2 ? html`<mark>${text}</mark>` : text)}</span>
                              <vaadin-avatar class="chat-row-responsible" ?hidden="${!item.responsible}"
                                  abbr="${item.responsibleInitials}" name="${item.responsible}"
                                  title="${item.responsible}"
                                  style="background:${item.responsibleColor};color:white"></vaadin-avatar>
                              <span class="chat-row-badge" ?hidden="${item.badge == 0}"
                                  title="${item.badgeTitle}">${item.badge}</span>
                            </div>
                          </div>
                        </div>""")
                .withProperty("name", ConversationSummary::clientName)
                .withProperty("initials", ConversationSummary::clientInitials)
                .withProperty("photo", c -> c.clientPhotoUrl() == null ? "" : c.clientPhotoUrl())
                .withProperty("channelIcon", c -> c.channel().type().icon())
                .withProperty("channelName", c -> c.channel().name())
                .withProperty(
                        "time",
                        c -> time().listTime(
                                        c.match() != null
                                                ? c.match().at()
                                                : c.lastMessageAt() == null ? c.sortAt() : c.lastMessageAt()))
                .withProperty("preview", this::previewOf)
                // A message the search found: its snippet, the matched words marked (bound as text, see MessageMatch).
                .withProperty("snippet", this::snippetOf)
                .withProperty(
                        "section",
                        c -> c.match() != null && Objects.equals(c.match().messageId(), pager.firstMessageMatch())
                                ? getTranslation("chats.search.in-messages")
                                : "")
                .withProperty(
                        "responsible",
                        c -> c.responsible() == null ? "" : c.responsible().fullName())
                .withProperty(
                        "responsibleInitials",
                        c -> c.responsible() == null ? "" : c.responsible().initials())
                .withProperty(
                        "responsibleColor",
                        c -> c.responsible() == null ? "" : c.responsible().avatarColor())
                .withProperty("badge", ConversationSummary::unreadCount)
                .withProperty("badgeTitle", c -> getTranslation("chats.badge.title", c.unreadCount()));
    }

    /** The selected chat shows its channel's name instead of the last message. */
    private String previewOf(ConversationSummary c) {
        if (Objects.equals(c.id(), selectedId)) {
            return c.channel().name();
        }
        String preview = c.lastMessagePreview() == null ? "" : c.lastMessagePreview();
        return c.lastMessageKind() == com.omnichat.chat.MessageKind.MANAGER
                ? getTranslation("chats.preview.you", preview)
                : preview;
    }

    /** The matched message's snippet as text parts (odd ones highlighted), after "You:" or "Note:" like a preview. */
    private List<String> snippetOf(ConversationSummary c) {
        if (c.match() == null) {
            return List.of();
        }
        List<String> parts = new java.util.ArrayList<>(c.match().snippet());
        switch (c.match().kind()) {
            case MANAGER -> parts.set(0, getTranslation("chats.search.prefix.manager", parts.getFirst()));
            case NOTE -> parts.set(0, getTranslation("chats.search.prefix.note", parts.getFirst()));
            default -> {}
        }
        return parts;
    }

    private TimeFormat time() {
        if (time == null) {
            time = TimeFormat.of(getUI().orElseThrow());
        }
        return time;
    }

    /** Shows the filter in the controls and reloads the list (no change event back to the view). */
    void apply(ChatFilter filter) {
        applying = true;
        try {
            tabs.setSelectedTab(
                    switch (filter.state()) {
                        case OPEN -> openTab;
                        case CLOSED -> closedTab;
                        case ALL -> allTab;
                    });
            search.setValue(filter.search());
            unanswered.setValue(filter.unansweredOnly());
            channels.setValue(channels.getListDataView()
                    .getItems()
                    .filter(c -> filter.channelIds().contains(c.id()))
                    .collect(Collectors.toSet()));
            responsible.setValue(responsible
                    .getListDataView()
                    .getItems()
                    .filter(o ->
                            o.kind() == filter.responsible() && Objects.equals(o.userId(), filter.responsibleUserId()))
                    .findFirst()
                    .orElse(responsible.getListDataView().getItem(0)));
        } finally {
            applying = false;
        }
        pager.setFilter(filter);
        refresh();
    }

    ChatFilter currentFilter() {
        StateTab state = tabs.getSelectedTab() == closedTab
                ? StateTab.CLOSED
                : tabs.getSelectedTab() == allTab ? StateTab.ALL : StateTab.OPEN;
        Set<Long> channelIds =
                channels.getValue().stream().map(ChannelInfo::id).collect(Collectors.toCollection(HashSet::new));
        ResponsibleOption option = responsible.getValue();
        return new ChatFilter(
                state,
                search.getValue(),
                unanswered.getValue(),
                channelIds,
                option == null ? Responsible.ALL : option.kind(),
                option == null ? null : option.userId());
    }

    private void filtersChanged() {
        if (applying) {
            return;
        }
        ChatFilter filter = currentFilter();
        pager.setFilter(filter);
        refresh();
        onFilterChange.accept(filter);
    }

    /** Re-reads the visible rows and the tab counts (after a live update or a filter change). */
    void refresh() {
        pager.reset();
        grid.getDataProvider().refreshAll();
        TabCounts counts = inbox.counts(pager.filter());
        openTab.setLabel(getTranslation("chats.tab.open") + " · " + TabCounts.label(counts.open()));
        closedTab.setLabel(getTranslation("chats.tab.closed") + " · " + TabCounts.label(counts.closed()));
        allTab.setLabel(getTranslation("chats.tab.all") + " · " + TabCounts.label(counts.all()));
    }

    void select(Long conversationId) {
        selectedId = conversationId;
        grid.getDataProvider().refreshAll();
    }

    /** Alt+F: into the search field. */
    void focusSearch() {
        search.focus();
    }

    /** Coalesces a burst of live events into one refresh, shortly after the first. */
    void refreshSoon() {
        if (refreshPending) {
            return;
        }
        UI ui = getUI().orElse(null);
        if (ui == null) {
            return;
        }
        refreshPending = true;
        CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS)
                .execute(ui.accessLater(
                        () -> {
                            refreshPending = false;
                            refresh();
                        },
                        () -> {}));
    }

    /**
     * The next chat after {@code currentId} (in this list's order and filter, wrapping around)
     * whose client wrote since the last reply.
     */
    Optional<ConversationSummary> nextUnreadAfter(@Nullable Long currentId) {
        List<ConversationSummary> chats = inbox.list(currentFilter(), null, 0, 200);
        int current = -1;
        for (int i = 0; i < chats.size(); i++) {
            if (Objects.equals(chats.get(i).id(), currentId)) {
                current = i;
            }
        }
        for (int step = 1; step <= chats.size(); step++) {
            ConversationSummary candidate = chats.get(Math.floorMod(current + step, chats.size()));
            if (candidate.unreadCount() > 0 && !Objects.equals(candidate.id(), currentId)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    record ResponsibleOption(Responsible kind, Long userId, String label) {}
}
