package com.omnichat.chat.ui;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.chat.ChatEvent;
import com.omnichat.chat.ChatNotifications;
import com.omnichat.chat.ChatUpdates;
import com.omnichat.chat.NewMessageAlert;
import com.omnichat.chat.ui.OpenTabs.Reaction;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.shared.Registration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Announces new client messages in one browser tab, whatever page it shows: counts them
 * in the tab title while the tab is hidden, plays a short chime, and shows a desktop
 * notification that opens the chat when clicked. The tab reports its visibility here;
 * {@link OpenTabs} weighs it against the browser's other tabs and {@link ChatNotifications}
 * against his settings. An invisible element added to every signed-in UI.
 */
class NewMessageNotifier extends Div {

    static final String VISIBILITY_EVENT = "omnichat-visibility";
    static final String OPEN_CHAT_EVENT = "omnichat-open-chat";
    private static final Pattern CHAT_PATH = Pattern.compile("chats/([0-9]{1,18})");

    /** The element becomes the tab's notifier in the page script ({@code js/omnichat.js}), which reports visibility to it. */
    static final String ATTACH_SCRIPT = "window.omnichat && window.omnichat.alerts.attach(this)";

    /** Parameters: chat id, client name, preview, count in title, chime, desktop notification. */
    static final String ALERT_SCRIPT = "window.omnichat && window.omnichat.alerts.alert($0, $1, $2, $3, $4, $5)";

    private final StaffPrincipal user;
    private final ChatNotifications notifications;
    private final ChatUpdates updates;
    private final OpenTabs tabs;
    private OpenTabs.@Nullable Tab tab;
    private @Nullable Runnable unsubscribe;
    private @Nullable Registration navigation;

    NewMessageNotifier(StaffPrincipal user, ChatNotifications notifications, ChatUpdates updates, OpenTabs tabs) {
        this.user = user;
        this.notifications = notifications;
        this.updates = updates;
        this.tabs = tabs;
        addClassName("new-message-notifier");
        // Not setVisible(false): an invisible component gets neither scripts nor events.
        getStyle().set("display", "none");
        getElement().setAttribute("aria-hidden", "true");
        // Heard even while a strictly modal dialog makes the rest of the page inert.
        getElement()
                .addEventListener(
                        VISIBILITY_EVENT,
                        e -> visibilityChanged(
                                e.getEventData().get("event.detail").asBoolean()))
                .addEventData("event.detail")
                .allowInert();
        getElement()
                .addEventListener(
                        OPEN_CHAT_EVENT,
                        e -> openChat(e.getEventData().get("event.detail").asString()))
                .addEventData("event.detail")
                .allowInert();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        OpenTabs.Tab opened = tabs.open(ui.getSession().getSession().getId(), () -> connected(ui));
        opened.openChat = chatIn(ui.getInternals().getActiveViewLocation());
        tab = opened;
        navigation = ui.addAfterNavigationListener(e -> opened.openChat = chatIn(e.getLocation()));
        getElement().executeJs(ATTACH_SCRIPT);
        // The tab may close meanwhile: then the event is dropped (without the handler, access would throw).
        unsubscribe = updates.subscribe(user, ui.accessLater(this::onEvent, () -> {}));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        if (navigation != null) {
            navigation.remove();
            navigation = null;
        }
        if (tab != null) {
            tabs.close(tab);
            tab = null;
        }
    }

    /** A live event (inside {@code UI.access}): only a client's new message is announced. */
    void onEvent(ChatEvent event) {
        OpenTabs.Tab current = tab;
        if (event.type() != ChatEvent.Type.MESSAGE || current == null) {
            return;
        }
        Reaction reaction = tabs.reactionOf(current, event.conversationId());
        if (reaction == Reaction.NONE) {
            return;
        }
        notifications.alertFor(event.conversationId()).ifPresent(alert -> announce(alert, reaction));
    }

    private void announce(NewMessageAlert alert, Reaction reaction) {
        boolean count = reaction == Reaction.TITLE || reaction == Reaction.FULL;
        boolean sound = alert.sound() && (reaction == Reaction.SOUND || reaction == Reaction.FULL);
        boolean desktop = alert.desktop() && reaction == Reaction.FULL;
        if (count || sound) {
            getElement()
                    .executeJs(
                            ALERT_SCRIPT,
                            Long.toString(alert.conversationId()),
                            alert.clientName(),
                            alert.preview(),
                            count,
                            sound,
                            desktop);
        }
    }

    void visibilityChanged(boolean hidden) {
        if (tab != null) {
            tab.hidden = hidden;
        }
    }

    /** A click on a desktop notification; the chats page itself checks that the chat may be seen. */
    void openChat(String conversationId) {
        if (conversationId.matches("[0-9]{1,18}")) {
            getUI().ifPresent(ui -> ui.navigate("chats/" + conversationId));
        }
    }

    /**
     * The page is there while its push connection is; one still loading has none yet and
     * does not count either (it reports soon). Without push (not this app) nothing is known.
     */
    private static boolean connected(UI ui) {
        PushConnection push = ui.getInternals().getPushConnection();
        return !ui.isClosing() && (push == null || push.isConnected());
    }

    static @Nullable Long chatIn(@Nullable Location location) {
        if (location == null) {
            return null;
        }
        Matcher m = CHAT_PATH.matcher(location.getPath());
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }
}
