package com.omnichat.chat.ui;

import com.omnichat.base.CurrentStaff;
import com.omnichat.chat.ChatNotifications;
import com.omnichat.chat.ChatUpdates;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Gives every signed-in browser tab its {@link NewMessageNotifier}, whatever page it
 * opens, without the shell knowing about chats. (The login page is a UI of its own: after
 * signing in, or out, the browser loads a new one.)
 */
@Component
class NotifierInstaller implements VaadinServiceInitListener {

    static final String SCRIPT = "context://js/omnichat.js";

    private final ChatNotifications notifications;
    private final ChatUpdates updates;
    private final OpenTabs tabs;

    NotifierInstaller(ChatNotifications notifications, ChatUpdates updates, OpenTabs tabs) {
        this.notifications = notifications;
        this.updates = updates;
        this.tabs = tabs;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(e -> CurrentStaff.get().ifPresent(user -> {
                    // The page script (alerts, the shortcuts' field guard), once per page.
                    e.getUI().getPage().addJavaScript(SCRIPT);
                    e.getUI().add(new NewMessageNotifier(user, notifications, updates, tabs));
                }));
    }
}
