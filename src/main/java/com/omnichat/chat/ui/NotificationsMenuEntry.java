package com.omnichat.chat.ui;

import com.omnichat.base.ui.UserMenuEntry;
import com.omnichat.chat.ChatNotifications;
import com.omnichat.chat.InboxService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "Notifications…" in the user menu, for users who work with at least one channel. */
@Component
@Order(10)
class NotificationsMenuEntry implements UserMenuEntry {

    private final ChatNotifications notifications;
    private final InboxService inbox;

    NotificationsMenuEntry(ChatNotifications notifications, InboxService inbox) {
        this.notifications = notifications;
        this.inbox = inbox;
    }

    @Override
    public String labelKey() {
        return "notify.menu";
    }

    @Override
    public boolean isAvailable() {
        return inbox.hasAnyChannel();
    }

    @Override
    public void select() {
        new NotificationSettingsDialog(notifications).open();
    }
}
