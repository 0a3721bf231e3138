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
import com.omnichat.chat.ReplyWindows;
import com.omnichat.chat.WriteFirstService;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import com.omnichat.customer.ui.ClientCards;
import com.omnichat.quickreply.QuickReplyService;
import com.omnichat.user.UserService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
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
import jakarta.annotation.security.PermitAll;
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
    private final ReplyWindows windows;
    private final PresenceService presence;
    private final ChatUpdates updates;
    private final UserService users;
    private final QuickReplyService quickReplies;
    private final ClientService clients;
    private final ChannelService channels;
    private final WriteFirstService writeFirst;
    final @Nullable ChatList list;
    final ChatCenter center = new ChatCenter();
    private final ClientPanel clientPanel;
    final @Nullable WriteMessageButton writeButton;

    @Nullable
    ChatWindow window;

    private @Nullable Runnable unsubscribe;

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
            CommentReplies comments,
            ReplyWindows windows) {
        this.comments = comments;
        this.windows = windows;
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
            writeButton = null;
            add(new EmptyState(
                    VaadinIcon.LOCK, getTranslation("chats.no-access.title"), getTranslation("chats.no-access.text")));
            return;
        }
        list = new ChatList(inbox, channels, users, ChatFilter.open(), this::filterChanged, this::open);
        writeButton = new WriteMessageButton(
                writeFirst,
                conversationId -> UI.getCurrent()
                        .navigate(
                                ChatsView.class, new RouteParameters("conversationId", Long.toString(conversationId))));
        list.addComponentAsFirst(writeButton);
        ChatShortcuts.register(this, shortcuts());
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
        center.showNoClientChat(client.name(), channelName);
        // No chat yet: offer to write first, with the client (and the channel) chosen.
        writeButton.openFor(client, channelId);
    }

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
        list.refreshSoon();
    }

    private ChatShortcuts.Actions shortcuts() {
        return new ChatShortcuts.Actions() {
            @Override
            public void openNextUnread() {
                list.nextUnreadAfter(window == null ? null : window.conversationId())
                        .ifPresentOrElse(ChatsView.this::open, () -> Notifications.success("shortcuts.no-unread"));
            }

            @Override
            public void focusSearch() {
                list.focusSearch();
            }

            @Override
            public void toggleNoteMode() {
                if (window != null) {
                    window.toggleNoteMode();
                }
            }

            @Override
            public void closeOrReopen() {
                if (window != null) {
                    window.closeOrReopen();
                }
            }

            @Override
            public void showHelp() {
                new ShortcutsHelp().open();
            }
        };
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
        var opened = new ChatWindow(
                inbox,
                comments,
                presence,
                quickReplies,
                chat,
                users.activeStaff(),
                ChatLink.absolute(chat.id()),
                windowActions());
        window = opened;
        // WhatsApp-like channels: free text only within 24 hours of the client's last message.
        opened.windowRules(
                windows,
                writeFirst.templateReplies(),
                () -> new TemplatePicker.Prefill(
                        opened.chat().clientName(),
                        CurrentStaff.require().fullName(),
                        writeFirst.latestOrderNumber(opened.chat().clientId())));
        opened.listCollapsed(listCollapsed);
        center.show(opened);
        clientPanel.show(chat);
        list.select(chat.id());
        addClassName("chat-open");
    }

    private ChatWindow.PageActions windowActions() {
        return new ChatWindow.PageActions() {
            @Override
            public void toggleList() {
                boolean collapsed = !hasClassName("list-collapsed");
                setClassName("list-collapsed", collapsed);
                if (window != null) {
                    window.listCollapsed(collapsed);
                }
            }

            @Override
            public void toggleCard() {
                showCard(!hasClassName("card-open"));
            }

            @Override
            public void backToList() {
                UI.getCurrent().navigate(ChatsView.class, FilterParameters.toQuery(list.currentFilter()));
            }
        };
    }

    // ---- tablets: the card as an overlay, the way back to the list ----

    /** Below desktop width the card is an overlay over the chat (a column above); focus goes in and comes back. */
    private void showCard(boolean shown) {
        if (window == null) {
            return;
        }
        setClassName("card-open", shown);
        window.cardShown(shown);
        if (shown) {
            clientPanel.focusClose();
        }
    }

    /**
     * Below 1280 px the stylesheet makes the navigation drawer an overlay on this page (closed
     * at first), so list and chat fit side by side. The layout reads that only on a resize:
     * tell it when this page comes and goes.
     */
    private static final String RELAYOUT = "window.dispatchEvent(new Event('resize'))";

    private void closeWindow() {
        window = null;
        center.showNoChat();
        list.select(null);
        clientPanel.clear();
        removeClassName("chat-open");
        removeClassName("card-open");
        removeClassName("list-collapsed");
    }

    private void filterChanged(ChatFilter filter) {
        String path = window == null ? "chats" : "chats/" + window.conversationId();
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location(path, FilterParameters.toQuery(filter)));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (list == null) {
            return;
        }
        UI ui = event.getUI();
        ui.getPage().executeJs(RELAYOUT);
        // The tab may close meanwhile (then the event is dropped); an event queued just before
        // the view was left must not reach the detached view.
        unsubscribe = updates.subscribe(
                CurrentStaff.require(),
                ui.accessLater(
                        (ChatEvent e) -> {
                            if (isAttached()) {
                                onEvent(e);
                            }
                        },
                        () -> {}));
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
            list.refreshSoon();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.chats");
    }
}
