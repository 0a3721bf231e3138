package com.omnichat.chat.ui;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.ui.EmptyState;
import com.omnichat.base.ui.Notifications;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.chat.ChatEvent;
import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.ChatUpdates;
import com.omnichat.chat.CommentReplies;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.PresenceService;
import com.omnichat.chat.WriteFirstService;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import com.omnichat.customer.ui.ClientCards;
import com.omnichat.quickreply.QuickReplyService;
import com.omnichat.user.UserService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The chats page: list | chat window | client card. {@code /chats/{id}} opens a chat
 * directly; the list's filters live in the query string.
 */
@Route("chats/:conversationId?([0-9]{1,18})")
@RouteAlias("")
@Menu(order = 10, title = "nav.chats", icon = "vaadin:chat")
@PermitAll
class ChatsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final InboxService inbox;
    private final CommentReplies comments;
    private final PresenceService presence;
    private final ChatUpdates updates;
    private final UserService users;
    private final QuickReplyService quickReplies;
    final ChatList list;
    private final Div center = new Div();
    private final ClientPanel clientPanel;
    private final ClientService clients;
    private final ChannelService channels;
    ChatWindow window;
    private Runnable unsubscribe;
    private boolean refreshPending;

    ChatsView(
            InboxService inbox,
            PresenceService presence,
            ChatUpdates updates,
            UserService users,
            ChannelService channels,
            QuickReplyService quickReplies,
            ClientCards cards,
            ClientService clients,
            WriteFirstService writeFirst,
            CommentReplies comments) {
        this.comments = comments;
        this.quickReplies = quickReplies;
        this.clients = clients;
        this.channels = channels;
        this.clientPanel = new ClientPanel(cards, this::cardChanged, () -> showCard(false));
        this.writeFirst = writeFirst;
        this.inbox = inbox;
        this.presence = presence;
        this.updates = updates;
        this.users = users;
        addClassName("chats-page");
        if (!inbox.hasAnyChannel()) {
            list = null;
            add(new EmptyState(
                    VaadinIcon.LOCK, getTranslation("chats.no-access.title"), getTranslation("chats.no-access.text")));
            return;
        }
        list = new ChatList(inbox, channels, users, ChatFilter.open(), this::filterChanged, this::open);
        getElement()
                .addEventListener(
                        SHORTCUT_EVENT,
                        e -> onShortcut(e.getEventData().get("event.detail").asString()))
                .addEventData("event.detail");
        center.addClassName("chat-center");
        showNoChat();
        list.addComponentAsFirst(writeButton());
        add(list, center, clientPanel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (list == null) {
            return;
        }
        ChatFilter filter = FilterParameters.fromQuery(event.getLocation().getQueryParameters());
        if (!filter.equals(list.currentFilter())) {
            list.apply(filter);
        }
        Optional<Long> id = event.getRouteParameters().getLong("conversationId");
        if (id.isEmpty()) {
            Optional<Long> client = number(event, "client");
            if (client.isPresent()) {
                openClientChat(event, client.get(), number(event, "channel").orElse(null));
                return;
            }
            closeWindow();
            return;
        }
        if (window == null || window.conversationId() != id.get()) {
            try {
                openWindow(inbox.get(id.get()));
            } catch (NotFoundException e) {
                event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
                return;
            }
        }
        // A row found by message text opens at that message.
        number(event, MESSAGE_PARAMETER).ifPresent(window::showMessage);
    }

    static final String MESSAGE_PARAMETER = "message";

    // ---- writing first ----

    private final WriteFirstService writeFirst;
    WriteMessageDialog writeDialog;

    private Button writeButton() {
        var button = new Button(
                getTranslation("write.button"), VaadinIcon.PENCIL.create(), e -> openWriteDialog(null, null));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        button.addClassName("write-button");
        return button;
    }

    void openWriteDialog(@Nullable ClientSummary client, @Nullable Long channelId) {
        writeDialog = new WriteMessageDialog(
                writeFirst,
                writeFirst.templates(),
                client,
                channelId,
                conversationId -> UI.getCurrent()
                        .navigate(
                                ChatsView.class, new RouteParameters("conversationId", Long.toString(conversationId))));
        writeDialog.open();
    }

    /**
     * {@code /chats?client=ID&channel=CH} (the order card's "Write"): the client's chat on
     * that channel (any channel without one), or a notice that there is none yet and the
     * "Write message" dialog with the client (and the channel) chosen.
     */
    private void openClientChat(BeforeEnterEvent event, long clientId, @Nullable Long channelId) {
        ClientSummary client;
        try {
            client = clients.current(clientId);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        Optional<ConversationSummary> chat = inbox.chatWith(client.id(), channelId);
        if (chat.isPresent()) {
            event.forwardTo(
                    ChatsView.class,
                    new RouteParameters(
                            "conversationId", Long.toString(chat.get().id())));
            return;
        }
        closeWindow();
        String channelName = channelId == null
                ? null
                : channels.myChannels().stream()
                        .filter(c -> c.id() == channelId)
                        .map(ChannelInfo::name)
                        .findFirst()
                        .orElse(null);
        center.removeAll();
        noClientChat = new EmptyState(
                VaadinIcon.COMMENT_ELLIPSIS_O,
                getTranslation("chats.client-chat.none.title"),
                channelName == null
                        ? getTranslation("chats.client-chat.none.any", client.name())
                        : getTranslation("chats.client-chat.none", client.name(), channelName));
        noClientChat.addClassName("no-client-chat");
        center.add(noClientChat);
        // No chat yet: offer to write first, with the client (and the channel) chosen.
        openWriteDialog(client, channelId);
    }

    EmptyState noClientChat;

    private static Optional<Long> number(BeforeEnterEvent event, String parameter) {
        return event.getLocation()
                .getQueryParameters()
                .getSingleParameter(parameter)
                .filter(v -> v.matches("[0-9]{1,18}"))
                .map(Long::valueOf);
    }

    /** The client card changed something: the chat shows its system message (and new name) at once. */
    private void cardChanged() {
        if (window != null) {
            try {
                window.refresh();
            } catch (NotFoundException e) {
                closeWindow();
            }
        }
        scheduleListRefresh();
    }

    static final String SHORTCUT_EVENT = "omnichat-shortcut";

    /**
     * Keyboard shortcuts, caught in the browser on the whole document and sent here as one
     * event. Alt+letter works while typing (by key position, so any keyboard layout); "?"
     * only outside text fields, where it is a character. The listener removes itself once
     * this view has left the page.
     */
    private static final String SHORTCUT_SCRIPT = """
            if (this.$omnichatShortcuts) return;
            const host = this;
            const handler = e => {
              if (!host.isConnected) { document.removeEventListener('keydown', handler); host.$omnichatShortcuts = null; return; }
              const t = e.composedPath()[0];
              const editable = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
              let action = null;
              if (e.altKey && !e.ctrlKey && !e.metaKey) {
                action = {KeyN: 'next-unread', KeyF: 'search', KeyM: 'note', KeyC: 'close'}[e.code] || null;
              } else if (!editable && e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey) {
                action = 'help';
              }
              if (action) {
                e.preventDefault();
                host.dispatchEvent(new CustomEvent('omnichat-shortcut', {detail: action}));
              }
            };
            document.addEventListener('keydown', handler);
            this.$omnichatShortcuts = handler;
            """;

    void onShortcut(String action) {
        switch (action) {
            case "help" -> new ShortcutsHelp().open();
            case "search" -> list.search.focus();
            case "next-unread" -> openNextUnread();
            case "note" -> {
                if (window != null) {
                    window.composer.toggleNoteMode();
                }
            }
            case "close" -> {
                if (window != null) {
                    window.header.closeOrReopen.click();
                }
            }
            default -> {
                // An unknown action from an older page script: nothing to do.
            }
        }
    }

    /** The next chat (in the list's order and filter, wrapping around) whose client wrote since the last reply. */
    private void openNextUnread() {
        List<ConversationSummary> chats = inbox.list(list.currentFilter(), null, 0, 200);
        int current = -1;
        for (int i = 0; i < chats.size(); i++) {
            if (window != null && chats.get(i).id() == window.conversationId()) {
                current = i;
            }
        }
        for (int step = 1; step <= chats.size(); step++) {
            ConversationSummary candidate = chats.get(Math.floorMod(current + step, chats.size()));
            if (candidate.unreadCount() > 0 && (window == null || candidate.id() != window.conversationId())) {
                open(candidate);
                return;
            }
        }
        Notifications.success("shortcuts.no-unread");
    }

    private void open(ConversationSummary chat) {
        var query = FilterParameters.toQuery(list.currentFilter());
        if (chat.match() != null) {
            query = query.merging(MESSAGE_PARAMETER, Long.toString(chat.match().messageId()));
        }
        UI.getCurrent()
                .navigate(ChatsView.class, new RouteParameters("conversationId", Long.toString(chat.id())), query);
    }

    private void openWindow(ConversationSummary chat) {
        boolean listCollapsed = hasClassName("list-collapsed");
        closeWindow();
        setClassName("list-collapsed", listCollapsed);
        window = new ChatWindow(
                inbox,
                comments,
                presence,
                quickReplies,
                chat,
                users.activeStaff(),
                linkTo(chat.id()),
                this::toggleList);
        // WhatsApp-like channels: free text only within 24 hours of the client's last message.
        window.windowRules(
                writeFirst.templateReplies(),
                () -> new TemplatePicker.Prefill(
                        window.chat().clientName(),
                        com.omnichat.base.CurrentStaff.require().fullName(),
                        writeFirst.latestOrderNumber(window.chat().clientId())));
        window.header.listCollapsed(listCollapsed);
        window.header.toggleCard.addClickListener(e -> showCard(!hasClassName("card-open")));
        window.header.backToList.addClickListener(e -> backToList());
        center.removeAll();
        center.add(window);
        clientPanel.show(chat);
        list.select(chat.id());
        addClassName("chat-open");
    }

    // ---- tablets: the card as an overlay, the way back to the list ----

    /** Below desktop width the card is an overlay over the chat (a column above); focus goes in and comes back. */
    private void showCard(boolean shown) {
        if (window == null) {
            return;
        }
        setClassName("card-open", shown);
        window.header.cardShown(shown);
        if (shown) {
            clientPanel.close.focus();
        } else {
            window.header.toggleCard.focus();
        }
    }

    private void backToList() {
        UI.getCurrent().navigate(ChatsView.class, FilterParameters.toQuery(list.currentFilter()));
    }

    /**
     * Below 1280 px the stylesheet makes the navigation drawer an overlay on this page (closed
     * at first), so list and chat fit side by side. The layout reads that only on a resize:
     * tell it when this page comes and goes.
     */
    private static final String RELAYOUT = "window.dispatchEvent(new Event('resize'))";

    private void closeWindow() {
        if (window != null) {
            center.remove(window);
            window = null;
        }
        if (noClientChat != null) {
            center.remove(noClientChat);
            noClientChat = null;
        }
        list.select(null);
        clientPanel.clear();
        removeClassName("chat-open");
        removeClassName("card-open");
        removeClassName("list-collapsed");
        showNoChat();
    }

    private void showNoChat() {
        if (center.getChildren().findAny().isEmpty()) {
            center.add(new EmptyState(
                    VaadinIcon.COMMENTS_O, getTranslation("chats.select.title"), getTranslation("chats.select.text")));
        }
    }

    private void toggleList() {
        boolean collapsed = !hasClassName("list-collapsed");
        setClassName("list-collapsed", collapsed);
        if (window != null) {
            window.header.listCollapsed(collapsed);
        }
    }

    private void filterChanged(ChatFilter filter) {
        String path = window == null ? "chats" : "chats/" + window.conversationId();
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location(path, FilterParameters.toQuery(filter)));
    }

    /** An absolute link to a chat, for "copy link". */
    private static String linkTo(long conversationId) {
        var request = VaadinServletRequest.getCurrent();
        String base = "";
        if (request != null) {
            var http = request.getHttpServletRequest();
            String port = (http.getServerPort() == 80 && "http".equals(http.getScheme()))
                            || (http.getServerPort() == 443 && "https".equals(http.getScheme()))
                    ? ""
                    : ":" + http.getServerPort();
            base = http.getScheme() + "://" + http.getServerName() + port + http.getContextPath();
        }
        return base + "/chats/" + conversationId;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (list == null) {
            return;
        }
        UI ui = event.getUI();
        getElement().executeJs(SHORTCUT_SCRIPT);
        ui.getPage().executeJs(RELAYOUT);
        // An event queued just before the view was left must not reach the detached view.
        unsubscribe = updates.subscribe(
                CurrentStaff.require(),
                e -> accessIfAttached(ui, () -> {
                    if (isAttached()) {
                        onEvent(e);
                    }
                }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().getPage().executeJs(RELAYOUT);
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    private void onEvent(ChatEvent event) {
        if (window != null && window.conversationId() == event.conversationId()) {
            try {
                window.onEvent(event);
                if (event.type() == ChatEvent.Type.UPDATED) {
                    // Card changes (and the sections' requests and orders) arrive as updates of the chat.
                    clientPanel.refresh(window.chat());
                }
            } catch (NotFoundException e) {
                closeWindow();
            }
        }
        if (event.type() != ChatEvent.Type.PRESENCE) {
            scheduleListRefresh();
        }
    }

    /** Coalesces a burst of events into one list refresh. */
    private void scheduleListRefresh() {
        if (refreshPending) {
            return;
        }
        refreshPending = true;
        UI ui = getUI().orElseThrow();
        java.util.concurrent.CompletableFuture.delayedExecutor(150, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> accessIfAttached(ui, () -> {
                    refreshPending = false;
                    list.refresh();
                }));
    }

    /** The tab may have closed meanwhile: then there is nothing to update. */
    static void accessIfAttached(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (com.vaadin.flow.component.UIDetachedException e) {
            // closed tab
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.chats");
    }
}
